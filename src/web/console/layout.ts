/**
 * The frame of every console page (template `templates/layout.eta`): head, navigation, who is signed in, sign-out;
 * and the console's stylesheet and script. Every page body is drawn by a template too (src/web/console/views.ts),
 * which escapes every value it prints.
 */
import type { Views } from './views.ts';

/** Who is looking at a page. */
export interface Viewer {
  user: string;
  /** Roster name, or the account name when the person is not (or no longer) in the roster. */
  name: string;
  /** Holds a secretariat role somewhere: may broadcast, correct, retry. */
  secretariat: boolean;
  /** May change jobs in Bull Board: the queues link opens the operators' board. */
  operator?: boolean;
  /** The zone times are shown in. */
  tz: string;
}

/** What the frame needs besides the body. */
export interface Frame {
  title: string;
  viewer: Viewer | null;
  /** CSRF token for the sign-out form (and the page's forms). */
  csrf: string;
  /** Navigation entry to highlight. */
  active?: string;
  /** A message shown above the body. */
  flash?: { kind: 'ok' | 'error'; text: string } | null;
}

const NAV: Array<[string, string]> = [
  ['home', '/console'],
  ['deadlines', '/console/deadlines'],
  ['documents', '/console/documents'],
  ['reminders', '/console/reminders'],
  ['broadcasts', '/console/broadcasts'],
  ['chat', '/console/chat'],
  ['quarantine', '/console/quarantine'],
  ['outbox', '/console/outbox'],
  ['audit', '/console/audit'],
  ['queues', '/console/queues'],
];

/** Navigation entries of pages only the secretariat may open or act on. */
const SECRETARIAT_PAGES = new Set(['broadcasts', 'outbox', 'audit']);

/** A query string from defined values. */
export function qs(params: Record<string, string | number | null | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The full HTML page: `body` (HTML) in the frame. */
export function layout(views: Views, frame: Frame, body: string): string {
  // Pages only the secretariat may open are not offered to others.
  const nav = frame.viewer?.secretariat === false ? NAV.filter(([name]) => !SECRETARIAT_PAGES.has(name)) : NAV;
  return views.render('layout', { ...frame, nav, body });
}

/** The console's stylesheet (served at /console/assets/console.css). */
export const CONSOLE_CSS = `
*{box-sizing:border-box}body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d2430;background:#f6f7f9}
a{color:#1a55a0}a:visited{color:#5a3d91}
header{background:#18324f;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
header a,header a:visited{color:#e4edf8;text-decoration:none}header a[aria-current]{color:#fff;font-weight:600;border-bottom:2px solid #fff}
header a:hover,header a:focus-visible{text-decoration:underline}
.brand{font-weight:700;color:#fff;margin-right:1rem}nav{display:flex;flex-wrap:wrap;gap:.3rem .8rem}.who{margin-left:auto;font-size:.85rem}
.who button{font-size:.8rem;padding:.1rem .5rem}
.skip{position:absolute;left:-999px;top:0;background:#fff;color:#18324f;padding:.4rem .8rem;z-index:10}.skip:focus{left:.5rem}
main{max-width:80rem;margin:0 auto;padding:1rem}h1{font-size:1.4rem;overflow-wrap:anywhere}h2{font-size:1.1rem;margin-top:1.5rem}h3{font-size:1rem}
.table-wrap{max-width:100%;overflow-x:auto}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #d5dae1;padding:.35rem .5rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
th{background:#eef1f5}small,.muted{color:#4f5a69}td.when,th.when{white-space:nowrap;overflow-wrap:normal}td.wide{min-width:16rem}
small.rel{display:block;color:#4f5a69}small.code{color:#4f5a69;font-family:ui-monospace,monospace;font-size:.75rem}
del{color:#8b1f1b;background:#fbe4e4;text-decoration:line-through}ins{color:#17602a;background:#e3f4e6;text-decoration:none}
.kv .k{color:#4f5a69}.result{font-size:.8rem;padding:0 .3rem;border-radius:3px;background:#fff1cc;color:#5c4300}.result-refused,.result-failed{background:#fbe4e4;color:#8b1f1b}
form.inline{display:inline}label{display:block;margin:.4rem 0 .1rem;font-weight:600}
input[type=text],input[type=password],input[type=search],input[type=date],input[type=time],textarea,select{font:inherit;padding:.35rem;width:100%;max-width:40rem;border:1px solid #8a94a3;border-radius:3px;background:#fff;color:inherit}
textarea{min-height:8rem}button{font:inherit;padding:.3rem .9rem;cursor:pointer;border:1px solid #8a94a3;border-radius:4px;background:#fff;color:#1d2430}
button.primary{background:#18324f;color:#fff;border-color:#18324f}button.danger{color:#8b1f1b;border-color:#b52b27}
button:focus-visible,a:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible{outline:3px solid #2f6fc0;outline-offset:1px}
.flash{padding:.5rem .8rem;border-radius:4px}.flash.ok{background:#e3f4e6}.flash.error{background:#fbe4e4}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:.8rem}
.card{background:#fff;border:1px solid #d5dae1;border-radius:6px;padding:.8rem;color:inherit;text-decoration:none}.card .n{font-size:1.6rem;font-weight:700}
.panel{background:#fff;border:1px solid #d5dae1;border-radius:6px;padding:.8rem 1rem;margin:.8rem 0}
.calendar{table-layout:fixed}.calendar td{height:6.5rem}.calendar td.out{background:#f1f2f4;color:#5f6875}.calendar td.today{outline:2px solid #18324f}
.calendar .day{font-weight:700;font-size:.85rem}.calendar .entry{display:block;font-size:.8rem;background:#fff4d6;border-left:3px solid #d08a00;margin:.15rem 0;padding:.1rem .25rem;color:#1d2430}
.calendar .entry.meeting{background:#e1ecfb;border-color:#2f6fc0}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;border:1px solid #d5dae1;padding:.6rem;max-height:40rem;overflow:auto}
.reply{background:#fff;border:1px solid #d5dae1;border-radius:6px;padding:.8rem}.reply.fail{border-color:#d9534f}
.state-delivered{color:#1e7b34}.state-failed{color:#b52b27}.state-pending{color:#6b5400}
.chat-form{display:flex;gap:.5rem}.chat-form input{flex:1}
.chat-log{display:flex;flex-direction:column;gap:.8rem;margin:1rem 0}.chat-log .asked{margin:0;text-align:right}.chat-log .asked code{background:#e1ecfb;padding:.3rem .6rem;border-radius:12px;display:inline-block}
.mail-preview{background:#fff;border:1px solid #d5dae1;border-radius:6px;max-width:48rem}.mail-preview dl{display:grid;grid-template-columns:6rem 1fr;margin:0;padding:.6rem 1rem;border-bottom:1px solid #d5dae1;gap:.2rem .6rem}
.mail-preview dt{color:#4f5a69}.mail-preview dd{margin:0;overflow-wrap:anywhere}.mail-preview .body{padding:1rem;white-space:pre-wrap;overflow-wrap:anywhere;font-family:inherit}
.mail-preview .sig{padding:0 1rem 1rem;color:#4f5a69;white-space:pre-wrap}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
table.audit{table-layout:fixed}table.audit th:nth-child(1){width:12.5rem}table.audit th:nth-child(2){width:13rem}table.audit th:nth-child(3){width:11rem}table.audit th:nth-child(4){width:13rem}
.fact-group{background:#fff;border:1px solid #d5dae1;border-radius:6px;padding:.6rem 1rem 1rem;margin:.8rem 0}
.fact-group fieldset{border:0;margin:0;padding:0;min-width:0}.fact-group legend{font-weight:700;font-size:1.05rem;padding:0}.fact-group .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:.2rem 1rem}
.fact-group .grid .span{grid-column:1/-1}.fact-group label.check{display:flex;gap:.4rem;align-items:center;font-weight:600}
.fact-group .now{font-weight:400;color:#4f5a69;font-size:.85rem}
@media (max-width:40rem){th,td{overflow-wrap:anywhere}
 header{padding:.5rem}.who{margin-left:0}main{padding:.6rem}
 table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}
 table.stack thead{position:absolute;left:-9999px}
 table.stack tr{border:1px solid #d5dae1;margin:0 0 .6rem;background:#fff}
 table.stack td{border:0;border-bottom:1px solid #eef1f5;padding:.3rem .5rem}
 table.stack td::before{content:attr(data-label);display:block;font-size:.75rem;font-weight:600;color:#4f5a69}
 td.when{white-space:normal}td.wide{min-width:0}
 .calendar td{height:auto;min-height:3rem;padding:.2rem}.calendar .entry{font-size:.7rem}
}
`;

/** Progressive enhancement only: remember the browser's time zone in a cookie, so pages show times in it. */
export const CONSOLE_JS = `(function(){try{var tz=Intl.DateTimeFormat().resolvedOptions().timeZone;if(!tz)return;
var has=document.cookie.split('; ').some(function(c){return c==='sgbot_tz='+encodeURIComponent(tz)});
if(!has){document.cookie='sgbot_tz='+encodeURIComponent(tz)+'; path=/console; SameSite=Lax; max-age=31536000';
var shown=document.body&&document.body.getAttribute('data-tz');if(shown&&shown!==tz&&!sessionStorage.getItem('sgbot_tz_reload')){sessionStorage.setItem('sgbot_tz_reload','1');location.reload();}}}catch(e){}})();`;
