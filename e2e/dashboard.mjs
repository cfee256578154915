// End-to-end test of ordo's dashboard in headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core; no browser download).
//
//   node e2e/dashboard.mjs http://127.0.0.1:PORT OUT_DIR [REPORT_HTML]
//
// Opens the dashboard, picks "Italy" and "Soviet Union" through the
// type-ahead, checks the timeline renders with the order's phases, hovers
// the 1936 point and reads its value (compared with the API's), clicks the
// 1933 point and follows the drill-down to a chronology entry. Screenshots
// go to OUT_DIR; with REPORT_HTML, the report is also rendered to PNG.
// Exits non-zero with a message on the first failed check. Run by
// crates/cli/tests/browser.rs.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [base, out, report] = process.argv.slice(2);
if (!base || !out) {
  console.error("usage: node dashboard.mjs BASE_URL OUT_DIR [REPORT_HTML]");
  process.exit(2);
}
mkdirSync(out, { recursive: true });

function check(cond, what) {
  if (!cond) throw new Error("check failed: " + what);
  console.log("ok:", what);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
});
let failed = false;
const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
const errors = [];
page.on("pageerror", (e) => errors.push(String(e)));
try {
  await page.goto(base, { waitUntil: "load" });
  check(await page.isVisible("#picker"), "the dyad picker is shown");

  // Type-ahead: "Italy", then "Soviet Union" (a historical name of COW 365).
  await page.fill("#state-a", "Ital");
  const italy = page.locator("#suggest-a li", { hasText: "Italy" }).first();
  await italy.waitFor({ timeout: 30000 });
  await italy.click();
  check((await page.inputValue("#state-a")) === "Italy", "picked Italy from the suggestions");
  await page.fill("#state-b", "Soviet Union");
  const ussr = page.locator("#suggest-b li", { hasText: "Soviet Union" }).first();
  await ussr.waitFor({ timeout: 30000 });
  const ussrText = await ussr.textContent();
  check(ussrText.includes("RUS") && ussrText.includes("365"), `the suggestion names COW 365 (${ussrText.trim()})`);
  await ussr.click();
  await page.click("#show");

  // The timeline renders, with phases shaded.
  await page.waitForFunction(() => window.ordo && window.ordo.charts.timeline && window.ordo.phasesDrawn > 0, null, { timeout: 240000 });
  const title = await page.textContent("#dyad-title");
  check(title.includes("Italy") && title.includes("Russia"), `dyad title: ${title}`);
  const phases = await page.evaluate(() => window.ordo.phasesDrawn);
  check(phases >= 6, `the six stable/crisis phases are drawn (${phases} phase rectangles)`);
  const verdict = await page.textContent("#verdict");
  check(verdict.startsWith("Verdict for ITA–RUS"), `verdict shown: ${verdict.slice(0, 80)}…`);
  check((await page.textContent("#legend-extra")).includes("crisis phase"), "the legend names the phases");
  await page.screenshot({ path: `${out}/dashboard-timeline.png`, fullPage: false });

  // Hover 1936 and read its value; it must equal the API's.
  const pos = async (year) => page.evaluate((year) => {
    const u = window.ordo.charts.timeline;
    const idx = u.data[0].indexOf(year);
    const r = u.over.getBoundingClientRect();
    const v = u.data[1][idx];
    return { x: r.left + u.valToPos(year, "x"), y: r.top + u.valToPos(v, "y"), value: v };
  }, year);
  const p36 = await pos(1936);
  await page.mouse.move(p36.x, p36.y);
  await page.waitForFunction(() => document.querySelector("#hover-year")?.textContent === "1936", null, { timeout: 10000 });
  const shown = await page.textContent("#hover-value");
  const api = await page.evaluate(async () => (await (await fetch("/api/dyad/ITA/RUS")).json()).cooperation.rows.find((r) => r.year === 1936).index);
  check(shown === api.toFixed(3), `hover on 1936 shows ${shown}, the API's index is ${api}`);
  await page.screenshot({ path: `${out}/dashboard-hover.png` });

  // Click 1933 (the Italo-Soviet pact) and follow the drill-down.
  const p33 = await pos(1933);
  await page.mouse.move(p33.x, p33.y);
  await page.mouse.click(p33.x, p33.y);
  const link = page.locator("#drill a.entry-link").first();
  await link.waitFor({ timeout: 10000 });
  const linkText = await link.textContent();
  check(linkText.startsWith("1933"), `the drill-down lists a 1933 entry: ${linkText.slice(0, 80)}…`);
  await link.click();
  await page.waitForSelector("#entry-title", { timeout: 30000 });
  const entry = await page.textContent("#entry");
  check(entry.includes("stance") && entry.includes("1933"), "the chronology entry page shows the entry");
  await page.screenshot({ path: `${out}/dashboard-entry.png` });

  // The system view.
  await page.goto(base + "#/system");
  await page.waitForFunction(() => window.ordo && window.ordo.charts.system, null, { timeout: 120000 });
  await page.screenshot({ path: `${out}/dashboard-system.png` });
  check(errors.length === 0, `no script errors (${errors.join("; ")})`);

  if (report) {
    const r = await browser.newPage({ viewport: { width: 1200, height: 1600 } });
    await r.goto(pathToFileURL(report).href);
    const svgs = await r.locator("figure svg").count();
    check(svgs === 4, `the report shows its 4 charts (${svgs})`);
    await r.screenshot({ path: `${out}/report.png` });
  }
} catch (e) {
  failed = true;
  console.error(String(e.stack || e));
  await page.screenshot({ path: `${out}/failure.png` }).catch(() => {});
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
