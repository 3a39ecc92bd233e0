import { describe, expect, it } from 'vitest';
import { frameContent, framePolicy } from './frame.ts';

describe("an email's HTML for the sandboxed frame", () => {
  it('keeps remote images unloaded until asked, then gives them their src and lets the policy allow them', () => {
    const html = '<p>Hej <img data-remote-src="https://t.example/p.gif?a=1&amp;b=2" alt="logo" /></p>';
    const closed = frameContent(html, false);
    expect(closed.remoteImages).toBe(1);
    expect(closed.srcdoc).toContain('<img data-remote-src="https://t.example/p.gif?a=1&amp;b=2" alt="logo" />');
    expect(closed.srcdoc).not.toMatch(/\ssrc="https:/);
    expect(closed.srcdoc).toContain(`content="${framePolicy(false)}"`);
    expect(framePolicy(false)).toBe("default-src 'none'; img-src data: cid:; style-src 'unsafe-inline'; form-action 'none'");
    const open = frameContent(html, true);
    expect(open.srcdoc).toContain('<img src="https://t.example/p.gif?a=1&amp;b=2" alt="logo" />');
    expect(open.srcdoc).not.toContain('data-remote-src');
    expect(framePolicy(true)).toContain('img-src data: cid: http: https:');
    // Only web addresses become sources.
    expect(frameContent('<img data-remote-src="javascript:alert(1)" alt="x" />', true).srcdoc).toContain('<img alt="x" />');
  });

  it("takes the email's styles out of the markup (a page's policy would refuse them) into a stylesheet", () => {
    const { srcdoc, css } = frameContent('<style>@import url(https://x.example/a.css); p { color: red }</style><p style="font-family: &quot;Segoe UI&quot;, serif; font-weight: bold">Tak</p><div style="">x</div><span style=\'color: blue\'>y</span>', false);
    expect(srcdoc).not.toMatch(/<style|\sstyle=/);
    expect(srcdoc).toContain('<p data-crm-style="1">Tak</p><div>x</div><span data-crm-style="2">y</span>');
    expect(css).toContain('p { color: red }');
    expect(css).toContain('[data-crm-style="1"] { font-family: "Segoe UI", serif; font-weight: bold }');
    expect(css).toContain('[data-crm-style="2"] { color: blue }');
    expect(css).not.toContain('@import');
    // A style cannot end its rule and write others.
    expect(frameContent('<p style="color: red } body { display: none">x</p>', false).css).toBe('[data-crm-style="1"] { color: red  body  display: none }\n');
  });

  it('drops what would set the head (base, policy, refresh, stylesheets) and cid: sources the frame cannot reach; text stays text', () => {
    const { srcdoc } = frameContent('<html><head><meta http-equiv="refresh" content="0;url=https://x.example"><base href="https://x.example/"><link rel="stylesheet" href="https://x.example/a.css"><title>t</title></head><body><p>Hej &lt;style&gt; 2 &gt; 1</p><img src="cid:logo@x" alt="Logo" /></body></html>', false);
    expect(srcdoc).not.toContain('refresh');
    expect(srcdoc).not.toContain('x.example');
    expect(srcdoc).toContain('<img data-cid-src="cid:logo@x" alt="Logo" />');
    expect(srcdoc).toContain('<p>Hej &lt;style&gt; 2 &gt; 1</p>');
    expect(srcdoc.match(/<base /g)).toHaveLength(1);
    expect(srcdoc).toMatch(/^<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"/);
    expect(srcdoc).toContain('<base target="_blank"></head><body><p>');
  });
});
