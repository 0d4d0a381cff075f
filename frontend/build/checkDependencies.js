/*
 * The front end's folders and the rules between them, checked on every `npm test` (and so by Maven
 * and CI): no cycle between folders, `ui/` (shared widgets) imports no feature, and no folder but the
 * entry point imports `app/` (the shell that puts the features together). Static and dynamic
 * (`import('…')`) imports both count: a lazily loaded page is still a dependency.
 *
 *   node build/checkDependencies.js          prints the folder graph's problems, exits 1 on any
 */
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {dirname, join, relative, resolve, sep} from 'node:path';
import {fileURLToPath} from 'node:url';

/** What the shared widgets may use: nothing that knows a feature or the shell. */
export const UI_MAY_USE = ['api', 'catalog', 'format', 'i18n', 'layers', 'map', 'styles', 'util'];

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)'(\.{1,2}\/[^']+)'/gm;

function sources(dir) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? sources(path) : path.endsWith('.js') ? [path] : [];
	});
}

/** The folder under `src/` a file lies in ('' for the entry point and other files at the top). */
function folderOf(root, file) {
	const parts = relative(root, file).split(sep);
	return parts.length > 1 ? parts[0] : '';
}

/** Edges between folders, each with one import that makes it: Map<from, Map<to, "file → spec">>. */
export function folderGraph(root) {
	const graph = new Map();
	for (const file of sources(root)) {
		const from = folderOf(root, file);
		for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
			const to = folderOf(root, resolve(dirname(file), spec));
			if (from !== to) {
				if (!graph.has(from)) {
					graph.set(from, new Map());
				}
				if (!graph.get(from).has(to)) {
					graph.get(from).set(to, `${relative(root, file)} → ${spec}`);
				}
			}
		}
	}
	return graph;
}

/** Groups of folders that reach each other (Tarjan's strongly connected components of two or more). */
function cycles(graph) {
	const index = new Map();
	const low = new Map();
	const stack = [];
	const onStack = new Set();
	const found = [];
	let next = 0;
	const visit = (node) => {
		index.set(node, next);
		low.set(node, next);
		next += 1;
		stack.push(node);
		onStack.add(node);
		for (const to of graph.get(node)?.keys() || []) {
			if (!index.has(to)) {
				visit(to);
				low.set(node, Math.min(low.get(node), low.get(to)));
			} else if (onStack.has(to)) {
				low.set(node, Math.min(low.get(node), index.get(to)));
			}
		}
		if (low.get(node) === index.get(node)) {
			const group = [];
			let member;
			do {
				member = stack.pop();
				onStack.delete(member);
				group.push(member);
			} while (member !== node);
			if (group.length > 1) {
				found.push(group.sort());
			}
		}
	};
	for (const node of graph.keys()) {
		if (!index.has(node)) {
			visit(node);
		}
	}
	return found;
}

/** Every broken rule, as a line of text; none when the folders are in order. */
export function dependencyProblems(root) {
	const graph = folderGraph(root);
	const problems = [];
	for (const group of cycles(graph)) {
		const inside = group.flatMap((from) => [...(graph.get(from) || [])].filter(([to]) => group.includes(to)).map(([, why]) => why));
		problems.push(`import cycle between ${group.join(', ')}: ${inside.join('; ')}`);
	}
	for (const [to, why] of graph.get('ui') || []) {
		if (!UI_MAY_USE.includes(to)) {
			problems.push(`ui/ holds shared widgets and may not import ${to}/: ${why}`);
		}
	}
	for (const [from, edges] of graph) {
		if (from !== '' && from !== 'app' && edges.has('app')) {
			problems.push(`only the entry point imports app/ (the shell); ${from}/ does: ${edges.get('app')}`);
		}
	}
	return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const root = fileURLToPath(new URL('../src/', import.meta.url));
	const problems = dependencyProblems(root);
	for (const problem of problems) {
		console.error(`✗ ${problem}`);
	}
	if (problems.length) {
		process.exit(1);
	}
	console.log(`✓ front-end folders: no import cycle, ui/ imports no feature, only the entry point imports app/ (${folderGraph(root).size} folders)`);
}
