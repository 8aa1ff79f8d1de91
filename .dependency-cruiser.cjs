/* global module */
/**
 * The layering, checked on resolved paths by dependency-cruiser (`npm run lint`). Modelled on
 * VS Code's layers (common / node / electron-main / browser):
 *
 *   shared/         "common": pure domain and contracts. Only shared/ and zod. No Node built-in,
 *                   no DOM (tsconfig.shared.json has no DOM lib), no Electron, no UI library.
 *   renderer/       "browser": renderer/ and shared/, and only the browser packages listed below.
 *   main/services/  "node": the kiosk's services, which both hosts wire. Node built-ins are
 *                   allowed here (the default collaborators: files, processes, crypto), hosts are not.
 *   main/node/      the headless host: main/services and shared/.
 *   main/electron/  "electron-main", the Electron host: main/services and shared/. Not main/node:
 *                   the two are sibling hosts of the same services (tsconfig.main.json packages
 *                   main/electron with main/services and shared only), so what both need belongs in
 *                   main/services.
 *   office/         the commune office server: office/ and shared/ (and Node).
 *
 * Free zones: unit and integration tests (*.test.ts, test-support), tests/, bench/, scripts/ and
 * the tools' config files at the root wire real pieces of several zones together; production
 * code may not import them.
 *
 * Inside the renderer, a feature is reached from outside only through its public API and its
 * locales/ (which renderer/i18n gathers). The public API is features/<name>/index.ts, which
 * start-bundle code may import, and, for a feature with parts loaded on demand (its screen, a
 * large component), features/<name>/lazy.ts: import() it, or import it from code that is itself
 * loaded on demand, so the kiosk's start bundle stays small. The shell's App composes every
 * feature and is mounted by main.tsx through features/shell/app.ts. The database module
 * (renderer/db: the database, the data context, the meta rows) is opened only from a feature's
 * non-component modules, so screens reach data through a feature's API and never call
 * kioskDb() themselves.
 *
 * tests/unit/layering.test.ts runs these rules on a fixture tree of forbidden imports.
 */

/** Files that may cross zones: tests, the code only tests use, and the tools' own config files. */
const FREE = [
  '\\.test\\.tsx?$',
  '(^|/)test-support(/|\\.ts$)',
  '(^|/)__fixtures__/',
  '^tests/',
  '^bench/',
  '^scripts/',
  '^[^/]+\\.(ts|js|cjs|mjs)$',
];

/** What the renderer may take from node_modules: browser packages only. */
const RENDERER_PACKAGES = [
  'react',
  'react-dom',
  'scheduler',
  'react-i18next',
  'i18next',
  'zustand',
  'dexie',
  'jsqr',
  'qrcode',
  'lucide-react',
  '@noble/hashes',
  '@fontsource/[^/]+',
  'zod',
];

/** A feature's public entries: index.ts, and lazy.ts for the parts loaded on demand. */
const FEATURE_API = '^renderer/features/[^/]+/(index|lazy)\\.tsx?$';

const npm = (names) => names.map((name) => `(^|/)node_modules/${name}/`);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'shared/ is pure domain and contracts: only shared/ and zod (no Node, DOM, Electron, UI).',
      severity: 'error',
      from: { path: '^shared/', pathNot: FREE },
      to: { pathNot: ['^shared/', ...npm(['zod'])], couldNotResolve: false },
    },
    {
      name: 'renderer-is-browser-code',
      comment:
        'The renderer imports renderer/ and shared/ and the browser packages listed in .dependency-cruiser.cjs; never main/, office/, Node built-ins or Node packages.',
      severity: 'error',
      from: { path: '^renderer/', pathNot: FREE },
      to: { pathNot: ['^renderer/', '^shared/', ...npm(RENDERER_PACKAGES)], couldNotResolve: false },
    },
    {
      name: 'renderer-start-without-units-data',
      comment:
        "The kiosk fetches the administrative units on demand (shared/admin-units loadAdminUnits); shared/admin-units/bundled.ts loads them at import and would put them back in the renderer's start bundle.",
      severity: 'error',
      from: { path: '^renderer/main\\.tsx$' },
      to: { path: '^shared/admin-units/bundled\\.ts$', reachable: true },
    },
    {
      name: 'services-know-no-host',
      comment:
        'main/services is wired by the hosts and knows neither of them, nor the renderer, nor the office server.',
      severity: 'error',
      from: { path: '^main/services/', pathNot: FREE },
      to: { path: ['^main/(node|electron)/', '^renderer/', '^office/', ...npm(['electron'])] },
    },
    {
      name: 'headless-host-layers',
      comment: 'main/node (the headless host) imports main/services and shared/, not the Electron host.',
      severity: 'error',
      from: { path: '^main/node/', pathNot: FREE },
      to: { path: ['^main/electron/', '^renderer/', '^office/', ...npm(['electron'])] },
    },
    {
      name: 'electron-host-layers',
      comment:
        'main/electron imports main/services and shared/; main/node is the sibling host and is not packaged with it.',
      severity: 'error',
      from: { path: '^main/electron/', pathNot: FREE },
      to: { path: ['^main/node/', '^renderer/', '^office/'] },
    },
    {
      name: 'office-layers',
      comment:
        "office/ imports office/ and shared/. Exceptions, stateless Node adapters the office shares with the kiosk so both do a thing alike: the espeak-ng process wrapper in main/services/speech/espeak.ts (the calling board says numbers as the kiosk does), and the kiosk's PDF renderer with its font and document-policy helpers (a reprint at the desk is the PDF the kiosk printed).",
      severity: 'error',
      from: { path: '^office/', pathNot: FREE },
      to: {
        path: ['^main/', '^renderer/', ...npm(['electron'])],
        pathNot: [
          '^main/services/speech/espeak\\.ts$',
          '^main/node/print-chromium\\.ts$',
          '^main/services/print/(document-html|print-fonts)\\.ts$',
        ],
      },
    },
    {
      name: 'electron-only-in-the-electron-host',
      comment: 'Only main/electron may import electron.',
      severity: 'error',
      from: { pathNot: ['^main/electron/'] },
      to: { path: npm(['electron']) },
    },
    {
      name: 'production-imports-no-test-code',
      comment: 'Tests, test support, benchmarks and scripts are not part of the product.',
      severity: 'error',
      from: { pathNot: FREE },
      to: { path: FREE },
    },
    {
      name: 'feature-public-api',
      comment:
        "From another feature, import only a feature's public API (features/<name>/index.ts, or lazy.ts for its parts loaded on demand) or its locales/, never its other files.",
      severity: 'error',
      // $1 below is the importing feature (this path's group).
      from: { path: '^renderer/features/([^/]+)/', pathNot: FREE },
      to: {
        path: '^renderer/features/',
        pathNot: ['^renderer/features/$1/', FEATURE_API, '^renderer/features/[^/]+/locales/'],
      },
    },
    {
      name: 'feature-public-api-from-outside',
      comment:
        "From outside the features (main.tsx, i18n, ui, …), import only a feature's public API (features/<name>/index.ts or lazy.ts), its locales/, or the shell's App (features/shell/app.ts).",
      severity: 'error',
      from: { path: '^renderer/', pathNot: ['^renderer/features/', ...FREE] },
      to: {
        path: '^renderer/features/',
        pathNot: [FEATURE_API, '^renderer/features/shell/app\\.ts$', '^renderer/features/[^/]+/locales/'],
      },
    },
    {
      name: 'ui-knows-no-feature',
      comment: 'renderer/ui holds the shared components: they know no feature.',
      severity: 'error',
      from: { path: '^renderer/ui/', pathNot: FREE },
      to: { path: '^renderer/features/' },
    },
    {
      name: 'screens-reach-data-through-features',
      comment:
        "Only a feature's data modules (.ts, not components) open the database (renderer/db); screens and components go through a feature's API.",
      severity: 'error',
      from: {
        path: '^renderer/',
        pathNot: ['^renderer/db/', '^renderer/features/[^/]+/[^/]+\\.ts$', ...FREE],
      },
      to: { path: '^renderer/db/' },
    },
    {
      name: 'renderer-without-cycles',
      comment:
        'No import cycle in the renderer: through features\' public entries (index.ts ↔ index.ts) a cycle can leave an imported binding uninitialised when the bundle runs ("Cannot access X before initialization"). Where two features need each other, move the shared piece down into the feature that owns it, renderer/ui or renderer/db.',
      severity: 'error',
      from: { path: '^renderer/', pathNot: FREE },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^office/dashboard/public/'] },
    // Type-only imports count too: a screen importing a database row type is reaching into storage.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
