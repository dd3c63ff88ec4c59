// bench/run.sh: the YAML files of a generated repository as JSON, for ajv-cli (SRC DST); the YAML
// 1.2 core schema keeps dates strings, as isms reads them. isms.yaml (another schema) and the
// two-document roles.yaml are left out. Needs js-yaml (NODE_PATH=<ajv folder>/node_modules).
const fs = require('fs'), path = require('path'), yaml = require('js-yaml');
const [src, dst] = process.argv.slice(2);
(function walk(d) {
  for (const e of fs.readdirSync(d, {withFileTypes: true})) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.yaml') && e.name !== 'isms.yaml' && e.name !== 'roles.yaml') {
      const out = path.join(dst, path.relative(src, p)).replace(/\.yaml$/, '.json');
      fs.mkdirSync(path.dirname(out), {recursive: true});
      fs.writeFileSync(out, JSON.stringify(yaml.load(fs.readFileSync(p, 'utf8'), {schema: yaml.CORE_SCHEMA})));
    }
  }
})(src);
