'use strict';
const fs = require('node:fs');
const path = require('node:path');

// Templates ship inside the package, next to lib/: resolve them from this file, not from the cwd.
const TEMPLATE_DIR = path.join(__dirname, '..', 'templates');

/**
 * A small mustache subset: {{name}}, {{#list}}...{{/list}} over arrays (the item becomes the context),
 * {{#flag}}...{{/flag}} for truthy values, and {{^list}}...{{/list}} for empty or falsy ones.
 */
function renderWith(template, context) {
  const block = /\{\{([#^])(\w+)\}\}\n?([\s\S]*?)\{\{\/\2\}\}(\n?)/g;
  const withBlocks = template.replace(block, (_, kind, name, inner, lineBreak) => {
    // A closing tag alone on its line takes its line break with it, as in mustache.
    const after = inner === '' || inner.endsWith('\n') ? '' : lineBreak;
    const value = context[name];
    const empty = value === undefined || value === null || value === false || (Array.isArray(value) && value.length === 0);
    if (kind === '^') return empty ? renderWith(inner, context) + after : '';
    if (empty) return '';
    if (Array.isArray(value)) return value.map((item) => renderWith(inner, { ...context, ...item })).join('') + after;
    return renderWith(inner, context) + after;
  });
  return withBlocks.replace(/\{\{(\w+)\}\}/g, (_, name) => (context[name] === undefined ? '' : String(context[name])));
}

function listTemplates() {
  return fs
    .readdirSync(TEMPLATE_DIR)
    .filter((file) => file.endsWith('.md'))
    .map((file) => file.slice(0, -3))
    .sort();
}

function loadTemplate(name) {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`bad template name: ${name}`);
  const file = path.join(TEMPLATE_DIR, `${name}.md`);
  if (!fs.existsSync(file)) {
    throw new Error(`unknown template "${name}" (available: ${listTemplates().join(', ')})`);
  }
  return fs.readFileSync(file, 'utf8');
}

module.exports = { renderWith, loadTemplate, listTemplates, TEMPLATE_DIR };
