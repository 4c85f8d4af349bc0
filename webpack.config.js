/**
 * Builds the Excel add-in into dist/: taskpane.html (the shared runtime page, which also loads the
 * custom functions and ribbon commands), functions.js, functions.json (generated from the JSDoc in
 * addin/functions/functions.ts), functions-da.json (Danish names), assets and manifest.xml.
 *
 * Production: SALDO_BASE_URL (e.g. https://saldo.kommune.dk/addin/) replaces the development
 * origin https://localhost:3000/ in the manifest. Development (`npm run dev-server`): HTTPS with
 * Office's development certificates on port 3000.
 */
import { Buffer } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import CustomFunctionsMetadataPlugin from 'custom-functions-metadata-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import webpack from 'webpack';
import { localizeMetadata } from './addin/build/localizeMetadata.js';
import { guideImages, helpPage } from './addin/help/userGuide.js';

const root = path.dirname(fileURLToPath(import.meta.url));
const DEV_ORIGIN = 'https://localhost:3000/';

/** Writes dist/functions-da.json after the metadata plugin has written functions.json. */
class DanishFunctionsMetadataPlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap('DanishFunctionsMetadata', (compilation) => {
      const out = compilation.outputOptions.path;
      const metadata = JSON.parse(readFileSync(path.join(out, 'functions.json'), 'utf8'));
      const danish = JSON.parse(readFileSync(path.join(root, 'addin/functions/functions.da.json'), 'utf8'));
      try {
        writeFileSync(path.join(out, 'functions-da.json'), `${JSON.stringify(localizeMetadata(metadata, danish), null, 2)}\n`);
      } catch (e) {
        compilation.errors.push(e);
      }
    });
  }
}

/**
 * Writes the user guide as help/index.html with the screenshots it shows: the page the manifest's
 * SupportUrl and LearnMoreUrl open (addin/help/userGuide.js).
 */
export class UserGuidePlugin {
  /** The files it writes, path in dist/ → content. */
  static files() {
    const markdown = readFileSync(path.join(root, 'docs/brugervejledning.md'), 'utf8');
    return new Map([['help/index.html', Buffer.from(helpPage(markdown, VERSION))], ...guideImages(markdown).map((image) => [`help/${image}`, readFileSync(path.join(root, 'docs', image))])]);
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('UserGuide', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'UserGuide', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.fileDependencies.add(path.join(root, 'docs/brugervejledning.md'));
        for (const [file, content] of UserGuidePlugin.files()) compilation.emitAsset(file, new webpack.sources.RawSource(content));
      });
    });
  }
}

/**
 * Writes dist/chunk-graph.json: each chunk group loaded on first use (a page, a command, the ledger
 * worker) with the request that loads it, its files and the groups it loads in turn, so the bundle
 * test can sum what one page brings with everything it can load (test/e2e/build.e2e.test.ts).
 */
class ChunkGraphPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('ChunkGraph', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'ChunkGraph', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const groups = [...compilation.chunkGroups];
        const graph = groups.map((g) => ({
          requests: g.origins.map((o) => o.request).filter(Boolean),
          entry: g.isInitial(),
          name: g.name ?? null,
          files: [...new Set([...g.chunks].flatMap((c) => [...c.files]))].filter((f) => f.endsWith('.js')),
          children: [...g.childrenIterable].map((c) => groups.indexOf(c)),
        }));
        compilation.emitAsset('chunk-graph.json', new webpack.sources.RawSource(`${JSON.stringify(graph, null, 1)}\n`));
      });
    });
  }
}

function baseUrl(production) {
  const url = process.env.SALDO_BASE_URL;
  if (!production || !url) return DEV_ORIGIN;
  if (!/^https:\/\/[^/]+\/(.*\/)?$/.test(url)) throw new Error(`SALDO_BASE_URL skal være en https-adresse, der slutter med /, fik "${url}"`);
  return url;
}

/** The release, from package.json: shown in the task pane and kept equal to the manifest's <Version>. */
export const VERSION = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;

/** The scripts with fixed names: the three entries and the runtime they share. */
const FIXED_SCRIPTS = new Set(['runtime', 'commands', 'functions', 'taskpane']);

export default async (env, options) => {
  const production = options.mode === 'production';
  const base = baseUrl(production);
  if (production && !process.env.SALDO_BASE_URL && !env.WEBPACK_SERVE) {
    console.warn(`Saldo ${VERSION}: production build for ${DEV_ORIGIN} (testing). For a real host: SALDO_BASE_URL=https://…/ npm run build`);
  }
  const devServer = env.WEBPACK_SERVE
    ? {
        server: { type: 'https', options: await (await import('office-addin-dev-certs')).getHttpsServerOptions() },
        port: 3000,
        headers: { 'Access-Control-Allow-Origin': '*' },
        static: { directory: path.join(root, 'dist') },
      }
    : undefined;
  return {
    mode: production ? 'production' : 'development',
    devtool: production ? false : 'source-map',
    entry: {
      taskpane: './addin/taskpane/index.tsx',
      functions: './addin/functions/functions.ts',
      commands: './addin/commands/commands.ts',
    },
    // Pages loaded on first use (all but Betalingsaftale) are chunks named by content, so a new version is never served from cache.
    // The entries and the runtime keep fixed names (the manifest and taskpane.html name them; served
    // no-cache); a chunk of code they share is named by content like the lazy ones (docs/deployment.md).
    output: {
      path: path.join(root, 'dist'),
      filename: ({ chunk }) => (FIXED_SCRIPTS.has(chunk.name) ? '[name].js' : 'chunk-[name]-[contenthash:8].js'),
      chunkFilename: 'chunk-[name]-[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // Core and the add-in import with .js suffixes (ES modules); the files are .ts.
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { noEmit: false, module: 'esnext', sourceMap: !production } } },
        },
      ],
    },
    // A chunk loaded on first use carries its own libraries: the letters' PDF and Word code stays one
    // chunk (chunk-letters-…), loaded only when a letter is made, with a budget of its own.
    // One runtime for the page's three entries (the shared runtime loads them into one page): a module
    // they share, core or mathjs, is loaded and run once. mathjs comes only with a measure (MÅLING,
    // Opfølgning), as a chunk of its own (core/commands/index.ts); so do the portfolio commands and every
    // task pane page but the first (addin/taskpane/App.tsx).
    // Used exports are analysed over all runtimes together ('global'): the ledger worker has a runtime of
    // its own, and with exports analysed per runtime it carried its own copy of the core the page already
    // has (13 KB gzipped); now it loads the page's chunks. Chunks shared by pages from 10 KB (not 20 KB):
    // else a Fluent component that two pages use is copied into both.
    optimization: { runtimeChunk: 'single', usedExports: 'global', splitChunks: { chunks: 'all', minSize: 10000, cacheGroups: { defaultVendors: false } } },
    performance: { hints: false }, // budgets are checked by test/addin/budgets.test.ts
    plugins: [
      new webpack.DefinePlugin({ SALDO_VERSION: JSON.stringify(VERSION) }),
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './addin/functions/functions.ts' }),
      new DanishFunctionsMetadataPlugin(),
      new UserGuidePlugin(),
      new ChunkGraphPlugin(),
      // The page's scripts, deferred, run in this order after office.js (a plain script in the head):
      // the ribbon commands first, so their actions exist before the first click is handled
      // (addin/commands/commands.ts); then the custom functions; the task pane, the largest, last.
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './addin/taskpane/taskpane.html',
        chunks: ['runtime', 'commands', 'functions', 'taskpane'],
        chunksSortMode: 'manual',
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          // The ribbon buttons' icons, one set per button (drawn by addin/commands/ribbonIcons.ts).
          { from: 'assets/ribbon/*.png', to: 'assets/ribbon/[name][ext]' },
          // The letters' templates and font (addin/taskpane/letterAssets.ts), served from the add-in's own origin.
          { from: 'assets/letters/*.docx', to: 'letters/[name][ext]' },
          ...[
            ['400Regular/IBMPlexSans_400Regular.ttf', 'Regular'],
            ['700Bold/IBMPlexSans_700Bold.ttf', 'Bold'],
            ['400Regular_Italic/IBMPlexSans_400Regular_Italic.ttf', 'Italic'],
            ['700Bold_Italic/IBMPlexSans_700Bold_Italic.ttf', 'BoldItalic'],
          ].map(([file, name]) => ({ from: `node_modules/@expo-google-fonts/ibm-plex-sans/${file}`, to: `fonts/IBMPlexSans-${name}.ttf` })),
          { from: 'node_modules/@expo-google-fonts/ibm-plex-sans/LICENSE_FONT', to: 'fonts/LICENSE_FONT.txt', noErrorOnMissing: false },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => content.toString().replaceAll(DEV_ORIGIN, base),
          },
        ],
      }),
    ],
    devServer,
  };
};
