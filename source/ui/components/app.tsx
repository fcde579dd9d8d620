import {Box, Text} from 'ink';
import {displayText} from '../../text/display';
import {
	articleView,
	commentView,
	currentArticle,
	currentPlace,
	focusOf,
	inDataset,
	listHeight,
	panes,
	visibleCount,
	visibleWindow,
	type State,
} from '../model';
import {statusText} from '../status';
import {ArticlePane, PanePlaceholder} from './article-pane';
import {CommentPane} from './comment-pane';
import {HelpScreen} from './help-screen';
import {ListScreen} from './list-screen';
import {LoadingScreen} from './loading-screen';
import {Sidebar} from './sidebar';
import {StatusLine} from './status-line';

function VerticalRule({height}: {height: number}) {
	return (
		<Box width={1} height={height} flexDirection="column">
			<Text dimColor>{Array.from({length: height}, () => '│').join('\n')}</Text>
		</Box>
	);
}

function ArticleScreen({state}: {state: State}) {
	const place = currentPlace(state);
	const article = currentArticle(state);
	const shown = panes(state);
	const mainHeight = shown.article?.height ?? shown.sidebar?.height ?? 0;
	if (place.kind !== 'article') return null;
	if (!article) {
		const failure = state.failed.get(place.id);
		return <PanePlaceholder width={shown.frame.width} height={mainHeight} text={failure ? displayText(failure) : 'Opening…'} />;
	}
	const focus = focusOf(state);
	const view = articleView(state);
	const comments = commentView(state);
	return (
		<>
			<Box flexDirection="row" height={mainHeight}>
				{view && <ArticlePane view={view} query={state.search.query} currentMatch={state.search.line} />}
				{view && shown.sidebar && <VerticalRule height={mainHeight} />}
				{shown.sidebar && (
					<Sidebar
						article={article}
						area={shown.sidebar}
						selected={Math.min(place.related, article.related.length - 1)}
						focused={focus === 'related'}
						inDataset={(id) => inDataset(state, id)}
					/>
				)}
			</Box>
			{comments && (
				<CommentPane layout={comments.layout} top={comments.top} width={comments.width} height={comments.height} count={article.comments.length} focused={focus === 'comments'} />
			)}
		</>
	);
}

/** The whole frame for a state. It renders and nothing else: input and loading live in hooks. */
export function App({state}: {state: State}) {
	const shown = panes(state);
	const {frame} = shown;
	let screen;
	if (state.loading) screen = <LoadingScreen name={state.datasetName} done={state.loading.done} total={state.loading.total} width={frame.width} />;
	else if (state.help) screen = <HelpScreen width={frame.width} height={frame.height - (shown.statusLine ? 1 : 0)} />;
	else if (currentPlace(state).kind === 'list') {
		screen = (
			<ListScreen
				entries={visibleWindow(state, state.list.top, state.list.top + listHeight(state))}
				count={visibleCount(state)}
				total={state.dataset.count('')}
				selected={state.list.selected}
				top={state.list.top}
				width={frame.width}
				height={listHeight(state)}
				filter={state.list.filter}
				editing={state.list.editing}
				found={state.found}
				datasetName={state.datasetName}
			/>
		);
	} else screen = <ArticleScreen state={state} />;
	const status = statusText(state);
	return (
		<Box flexDirection="column" width={frame.width} height={frame.height}>
			<Box flexDirection="column" flexGrow={1}>
				{screen}
			</Box>
			{shown.statusLine && !state.loading && <StatusLine left={status.left} right={status.right} width={frame.width} />}
		</Box>
	);
}
