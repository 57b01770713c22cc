/**
 * Lint for what the compiler cannot see: promises nobody awaits, and imports that cross the layers
 * (docs/architecture.md). `npm run lint`; CI runs it before the tests.
 */
import { builtinModules } from 'node:module';
import path from 'node:path';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

/**
 * Which of our top-level folders each folder may import from, as values and as types only. Imports go down:
 * bin → api → workflows/activities → store/clients → rules → domain, with infra a library beside store/clients.
 * Folders not listed (test/, the root) may import anything.
 */
const LAYERS = {
  bin: { values: '*' },
  api: { values: ['workflows', 'activities', 'store', 'clients', 'rules', 'infra', 'domain'] },
  // Workflow code is replayed in Temporal's sandbox: it reaches activities and the database only through
  // proxies, so it may know their types but never load their code.
  workflows: { values: ['rules', 'domain'], types: ['activities', 'store', 'clients'] },
  activities: { values: ['store', 'clients', 'rules', 'infra', 'domain'], types: ['workflows'] },
  store: { values: ['rules', 'domain'] },
  clients: { values: ['domain'] },
  rules: { values: ['domain'] },
  infra: { values: ['domain'] },
  domain: { values: [] },
  // The browser bundle: the API's route schemas give it the types of what the server answers, not its code.
  studio: { values: ['domain', 'rules'], types: ['api'] },
};

const topFolder = (file) => path.relative(root, file).split(path.sep)[0];

const isTypeOnly = (node) =>
  node.importKind === 'type' ||
  node.exportKind === 'type' ||
  (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));

// Resolved by path rather than matched by name: studio/src/api is not api/, and api/routes/rules is not rules/.
const layers = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const from = topFolder(context.filename);
    const allowed = LAYERS[from];
    if (!allowed || allowed.values === '*') return {};
    const check = (node, source) => {
      if (typeof source?.value !== 'string' || !source.value.startsWith('.')) return;
      const to = topFolder(path.resolve(path.dirname(context.filename), source.value));
      if (to === from || to.startsWith('..') || !(to in LAYERS)) return;
      if (allowed.values.includes(to)) return;
      const typesOnly = allowed.types?.includes(to);
      if (typesOnly && isTypeOnly(node)) return;
      context.report({
        node: source,
        message: typesOnly
          ? `${from}/ may import only types from ${to}/ (use \`import type\`).`
          : `${from}/ may not import ${to}/: imports go down, bin → api → workflows/activities → store/clients → rules → domain.`,
      });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

// SQL lives in store/ (migrations and tests aside); these are the ways postgres.js runs it.
const SQL_SYNTAX = [
  'TaggedTemplateExpression[tag.name=/^(sql|tx)$/]',
  "TaggedTemplateExpression[tag.property.name='sql']",
  "CallExpression[callee.object.name=/^(sql|tx)$/][callee.property.name=/^(begin|unsafe)$/]",
  "CallExpression[callee.object.property.name='sql'][callee.property.name=/^(begin|unsafe)$/]",
].map((selector) => ({ selector, message: 'SQL belongs in store/: call a store function instead.' }));

const nodeModule = { allowTypeImports: true, message: "Node's modules do not exist in the workflow sandbox." };
const postgresValues = { name: 'postgres', allowTypeImports: true, message: 'Only store/ and infra/ connect to PostgreSQL.' };

export default tseslint.config(
  { ignores: ['.data/', '.tools/', 'studio/dist/', '.stryker-tmp/', 'reports/'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        projectService: true,
        tsconfigRootDir: root,
      },
    },
    plugins: { '@typescript-eslint': tseslint.plugin, contactflow: { rules: { layers } } },
    rules: {
      // A promise nobody awaits loses its error, and in a workflow its ordering.
      '@typescript-eslint/no-floating-promises': 'error',
      // React calls event handlers and ignores what they return; an async handler reports its own errors.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // `import type` is what lets a layer see another's types without loading its code (see LAYERS).
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'contactflow/layers': 'error',
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [postgresValues] }],
      'no-restricted-syntax': ['error', ...SQL_SYNTAX],
    },
  },
  {
    files: ['store/**', 'infra/**', 'test/**'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    // Creating the database and its schema administers the server rather than reading or writing data.
    files: ['store/**', 'infra/postgres.ts', 'infra/migrate.ts', 'test/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Workflow code must be deterministic: no I/O, no Node, no validation libraries pulled into the sandbox.
    files: ['workflows/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            postgresValues,
            { name: 'zod', allowTypeImports: true, message: 'Validate at the edge (api/), not in workflows.' },
            ...builtinModules.map((name) => ({ name, ...nodeModule })),
          ],
          patterns: [{ group: ['node:*'], ...nodeModule }],
        },
      ],
    },
  },
);
