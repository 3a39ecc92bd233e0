/** Styles of the panel, adopted into the shadow root when the panel chunk loads. */
export const PANEL_CSS = `
.panel{position:absolute;right:0;bottom:calc(var(--crm-launcher-size,58px) + 14px);display:flex;flex-direction:column;
width:var(--crm-width,380px);height:min(var(--crm-height,620px),calc(100vh - 120px));max-width:calc(100vw - 40px);
background:var(--_bg);color:var(--_fg);border:1px solid var(--_border);border-radius:var(--_radius);overflow:hidden;
box-shadow:0 12px 40px rgba(0,0,0,.25)}
.header{display:flex;align-items:center;gap:8px;padding:12px 12px 12px 16px;background:var(--_accent);color:var(--_on-accent)}
.title{flex:1;margin:0;font-size:1.05em;font-weight:650}
button{font:inherit;cursor:pointer}
button:focus-visible,a:focus-visible,input:focus-visible,textarea:focus-visible{outline:3px solid var(--_focus);outline-offset:2px}
.header button{border:1px solid currentColor;background:transparent;color:inherit;border-radius:999px;padding:4px 10px;font-size:.85em}
.header .close{display:grid;place-items:center;width:32px;height:32px;padding:0;border:0}
.header svg,.send svg{width:20px;height:20px;fill:currentColor}
.scroll{flex:1;overflow-y:auto;padding:14px;overscroll-behavior:contain}
.log{display:flex;flex-direction:column;gap:10px}
.msg{max-width:85%;padding:9px 12px;border-radius:var(--_radius);white-space:pre-wrap;overflow-wrap:anywhere}
.msg.bot,.msg.staff{align-self:flex-start;background:var(--_bot-bg);border-bottom-left-radius:4px}
.msg.staff{border-left:3px solid var(--_accent)}
.msg.visitor{align-self:flex-end;background:var(--_visitor-bg);color:var(--_visitor-fg);border-bottom-right-radius:4px}
.msg.note{align-self:center;max-width:100%;background:transparent;color:var(--_muted);font-size:.88em;text-align:center}
.msg a{color:inherit;text-decoration:underline}
.streaming{margin-top:10px}
.who{display:block;font-size:.75em;font-weight:650;color:var(--_muted);margin-bottom:2px}
.cites{margin-top:6px;font-size:.85em;white-space:normal}
.cites ol{margin:2px 0 0;padding-left:1.4em}
.typing{display:flex;gap:4px;align-self:flex-start;margin-top:10px;padding:12px;border-radius:var(--_radius);background:var(--_bot-bg);width:max-content}
.typing i{width:7px;height:7px;border-radius:50%;background:var(--_muted);animation:crm-blink 1.2s infinite}
.typing i:nth-child(2){animation-delay:.2s}.typing i:nth-child(3){animation-delay:.4s}
@keyframes crm-blink{0%,80%,100%{opacity:.25}40%{opacity:1}}
.offer{margin-top:12px;padding:12px;border:1px solid var(--_border);border-radius:var(--_radius)}
.offer p{margin:0 0 8px}
.lead label{display:block;margin-bottom:8px;font-size:.88em}
.lead input{display:block;width:100%;box-sizing:border-box;margin-top:2px;padding:7px 9px;font:inherit;color:var(--_fg);background:var(--_field-bg);
border:1px solid var(--_border);border-radius:8px}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.row{display:flex;flex-wrap:wrap;gap:8px}
.primary,.secondary{padding:7px 12px;border-radius:8px;border:1px solid var(--_accent)}
.primary{background:var(--_accent);color:var(--_on-accent)}
.secondary{background:transparent;color:var(--_fg)}
.error{margin:0;padding:8px 14px;color:#fff;background:#b42318;font-size:.88em}
.composer{display:flex;align-items:flex-end;gap:8px;padding:10px;border-top:1px solid var(--_border)}
.composer textarea{flex:1;min-height:38px;max-height:140px;box-sizing:border-box;resize:none;field-sizing:content;padding:8px 10px;
font:inherit;color:var(--_fg);background:var(--_field-bg);border:1px solid var(--_border);border-radius:10px}
.send{display:grid;place-items:center;width:40px;height:38px;border:0;border-radius:10px;background:var(--_accent);color:var(--_on-accent)}
.send:disabled{opacity:.5;cursor:default}
.sr-only{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
@media (max-width:480px){
.panel{position:fixed;inset:0;width:100%;max-width:none;height:100%;border:0;border-radius:0}
.launcher[aria-expanded=true]{display:none}}
@media (prefers-reduced-motion:reduce){.typing i{animation:none;opacity:.6}}
`;
