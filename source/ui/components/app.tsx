import {Box, Text} from 'ink';
import type {TextStyle} from '../../config/theme';
import {displayText} from '../../text/display';
import {
	articleView,
	commentView,
	currentArticle,
	currentPlace,
	focusOf,
	helpView,
	inDataset,
	isBookmarked,
	isRead,
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

function VerticalRule({height, muted}: {height: number; muted: TextStyle}) {
	return (
		<Box width={1} height={height} flexDirection="column">
			<Text {...muted}>{Array.from({length: height}, () => '│').join('\n')}</Text>
		</Box>
	);
}

function ArticleScreen({state}: {state: State}) {
	const place = currentPlace(state);
	const article = currentArticle(state);
	const shown = panes(state);
	const mainHeight = shown.article?.height ?? shown.sidebar?.height ?? 0;
	const {theme, text} = state.setup;
	if (place.kind !== 'article') return null;
	if (!article) {
		const failure = state.failed.get(place.id);
		return <PanePlaceholder width={shown.frame.width} height={mainHeight} text={failure ? displayText(failure) : text.panes.opening} theme={theme} />;
	}
	const focus = focusOf(state);
	const view = articleView(state);
	const comments = commentView(state);
	return (
		<>
			<Box flexDirection="row" height={mainHeight}>
				{view && <ArticlePane view={view} query={state.search.query} currentMatch={state.search.line} theme={theme} link={state.setup.hyperlinks ? article.url : undefined} hyperlinks={state.setup.hyperlinks} />}
				{view && shown.sidebar && <VerticalRule height={mainHeight} muted={theme.muted} />}
				{shown.sidebar && (
					<Sidebar
						article={article}
						area={shown.sidebar}
						selected={Math.min(place.related, article.related.length - 1)}
						focused={focus === 'related'}
						inDataset={(id) => inDataset(state, id)}
						heading={text.panes.related(article.related.length)}
						theme={theme}
					/>
				)}
			</Box>
			{comments && (
				<CommentPane
					layout={comments.layout}
					top={comments.top}
					width={comments.width}
					height={comments.height}
					heading={text.panes.comments(article.comments.length)}
					focused={focus === 'comments'}
					theme={theme}
				/>
			)}
		</>
	);
}

/** The whole frame for a state. It renders and nothing else: input and loading live in hooks. */
export function App({state}: {state: State}) {
	const shown = panes(state);
	const {frame} = shown;
	const {theme, text} = state.setup;
	let screen;
	if (state.loading) screen = <LoadingScreen name={state.datasetName} done={state.loading.done} total={state.loading.total} width={frame.width} text={text} theme={theme} />;
	else if (state.help) {
		const help = helpView(state);
		screen = <HelpScreen title={text.help.title} lines={help.lines} top={help.top} width={frame.width} height={help.height} theme={theme} />;
	}
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
				isRead={(id) => isRead(state, id)}
				isBookmarked={(id) => isBookmarked(state, id)}
				text={text}
				theme={theme}
			/>
		);
	} else screen = <ArticleScreen state={state} />;
	const status = statusText(state);
	return (
		<Box flexDirection="column" width={frame.width} height={frame.height}>
			<Box flexDirection="column" flexGrow={1}>
				{screen}
			</Box>
			{shown.statusLine && !state.loading && <StatusLine left={status.left} right={status.right} width={frame.width} muted={theme.muted} />}
		</Box>
	);
}
