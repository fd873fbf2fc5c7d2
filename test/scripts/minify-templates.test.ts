import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { minifyCss, minifyTaggedTemplates } from "../../scripts/minify-templates.ts";

describe("the build's template minifier", () => {
  it("drops line breaks between tags but keeps the space an attribute after an expression needs", () => {
    const source = "html`<div>\n  <input\n    id=${id}\n    ?readonly=${busy}\n    @input=${onInput}\n  />\n  ${label}\n</div>`";
    assert.equal(minifyTaggedTemplates(source), "html`<div><input id=${id} ?readonly=${busy} @input=${onInput} />${label}</div>`");
  });

  it("turns a line break inside text into one space, and leaves spaces within a line alone", () => {
    assert.equal(minifyTaggedTemplates("html`<p>Hello\n    world <b>and</b> more</p>`"), "html`<p>Hello world <b>and</b> more</p>`");
  });

  it("leaves code, strings and untagged templates alone, nested templates included", () => {
    const source = 'const a = "x\\n  y"; html`<ul>\n  ${items.map((i) => html`<li>\n  ${i}\n</li>`)}\n</ul>`; `plain\n  text`;';
    assert.equal(minifyTaggedTemplates(source), 'const a = "x\\n  y"; html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`; `plain\n  text`;');
  });

  it("minifies CSS without changing what it says", () => {
    const css = `/* note */
      :host { color: light-dark(#ffffff, #1c1d20); padding: 0.5em 10.5em; }
      [part~="stars"] { gap: 0.125em; }
      @media (forced-colors: active) { .a, .b > .c { outline: 1px solid; } }`;
    assert.equal(
      minifyCss(css),
      ":host{color:light-dark(#fff,#1c1d20);padding:.5em 10.5em}[part~=stars]{gap:.125em}@media (forced-colors:active){.a,.b>.c{outline:1px solid}}",
    );
  });
});
