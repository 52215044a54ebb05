// @ts-check
/**
 * Import rules, checked by `npm run deps` (part of `npm test`). docs/architecture.md explains the layers.
 * Type-only imports count like any other: a cycle through `import type` still ties the files together (one cannot
 * be read, moved or tested without the other), so it is reported too.
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles, type-only ones included: a shared type moves to the lower of the two modules.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-not-to-commands-or-jobs',
      severity: 'error',
      comment:
        'src/ is the library commands/ and jobs/ build on. src/main.ts alone, the one place that wires things, imports the ' +
        'command registry and the job kinds and hands them to the rest (router, worker, console, metrics).',
      from: { path: '^src/', pathNot: '^src/main[.]ts$' },
      to: { path: '^(commands|jobs)/' },
    },
    {
      name: 'core-only-core',
      severity: 'error',
      comment: 'src/core declares the domain types and the interfaces adapters implement; it imports only itself and libraries.',
      from: { path: '^src/core/' },
      to: { path: '^', pathNot: ['^src/core/', 'node_modules'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'parse-only-core',
      severity: 'error',
      comment: 'src/parse is pure: text in, facts out; it imports only src/core and libraries.',
      from: { path: '^src/parse/' },
      to: { path: '^', pathNot: ['^src/(core|parse)/', 'node_modules'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'store-only-core-and-parse',
      severity: 'error',
      comment: 'src/store keeps documents and facts; it imports only src/core, src/parse and libraries.',
      from: { path: '^src/store/' },
      to: { path: '^', pathNot: ['^src/(core|parse|store)/', 'node_modules'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'platforms-not-to-features',
      severity: 'error',
      comment:
        'A chat platform (src/chat) reaches the features only through the command registry, the action registry and the ' +
        'command context it is given (src/core/platform.ts): never by importing reminders or broadcasts, so that a new ' +
        'button or feature needs no change to any platform.',
      from: { path: '^src/chat/' },
      to: { path: '^src/(reminders|broadcast)/' },
    },
    {
      name: 'features-not-to-a-platform',
      severity: 'error',
      comment:
        'Features post through ChatSender and check channels with the platform list (src/chat/sender.ts, ' +
        'src/chat/platforms.ts), never through one platform\'s folder: a platform is added or removed by one line.',
      from: { path: '^src/(reminders|broadcast|people|store|mail|ingest)/' },
      to: { path: '^src/chat/[^/]+/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve to a file or a package.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are part of the graph (see above).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.d.ts', '.js', '.json'], exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], mainFields: ['module', 'main', 'types', 'typings'] },
  },
};
