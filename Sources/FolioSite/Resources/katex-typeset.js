// Typesets a site's formulas in one Node process: reads [[tex, displayMode], ...] as JSON on
// stdin and writes one {"html": ...} or {"error": KaTeX's message} per formula as JSON on stdout.
// The first argument is the folder of the katex package to load.
const katex = require(process.argv[2]);
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', () => {
  const formulas = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const results = formulas.map(([tex, displayMode]) => {
    try {
      return { html: katex.renderToString(tex, { displayMode, throwOnError: true, output: 'htmlAndMathml', strict: 'ignore' }) };
    } catch (error) {
      return { error: error instanceof katex.ParseError ? error.message : String(error) };
    }
  });
  process.stdout.write(JSON.stringify(results));
});
