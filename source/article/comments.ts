// Reader comments, as `TOPIC Trả lời: TEXT NAME: PHONE`: the story the reader answered, the comment,
// and the signature the site appends (a name, then a phone number or an e-mail address).
import type {Comment} from './types';

const REPLY = /\s*(?:Trả lời|Reply|Replied)\s*:\s*/iu;
const SIGNATURE =
	/(?:^|\s+)((?:\p{Lu}[\p{L}'’.-]*\s+){0,4}\p{Lu}[\p{L}'’.-]*)\s*:\s*(\+?\d[\d .()-]{5,}\d|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)$/u;

export function parseComment(line: string): Comment {
	let topic: string | null = null;
	let rest = line;
	const reply = REPLY.exec(line);
	if (reply && reply.index > 0) {
		topic = line.slice(0, reply.index).trim();
		rest = line.slice(reply.index + reply[0].length);
	}
	let author: string | null = null;
	let contact: string | null = null;
	const signature = SIGNATURE.exec(rest);
	if (signature && signature.index > 0) {
		author = signature[1]!;
		contact = signature[2]!;
		rest = rest.slice(0, signature.index);
	}
	return {topic, text: rest.trim(), author, contact};
}
