// Bulk export from the browser: finance exports the journal's lines as CSV
// from the journal page, watches the progress, downloads the file and
// finds the job in My exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { byTestId, login, screenshot, seriousProblems, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

test('finance exports the journal as CSV from the journal page and downloads it', async () => {
  const page = await newPage({ locale: 'zh' });
  await login(page, 'finance');
  await page.goto('/finance/journal');
  await byTestId(page, 'journal-table').waitFor();
  await byTestId(page, 'journal-bulk-export').click();
  await byTestId(page, 'bulk-export-format-CSV').click();
  await byTestId(page, 'bulk-export-start').click();
  // Progress is pushed until the file is written (the demo's year of lines).
  const download = byTestId(page, 'export-download');
  await download.waitFor({ timeout: 120_000 });
  assert.match(await byTestId(page, 'export-status').innerText(), /已完成/);
  assert.match(await byTestId(page, 'export-progress').innerText(), /已写入 \d+ \/ \d+ 行/);
  assert.equal(await byTestId(page, 'bulk-export-cancel').count(), 0, 'a finished export offers no cancel');
  await screenshot(page, 'bulk-export-done.png');

  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  assert.match(file.suggestedFilename(), /^journalLines-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync(await file.path(), 'utf8');
  assert.ok(text.startsWith('\ufeff'), 'the CSV starts with a UTF-8 byte order mark');
  const lines = text.slice(1).trim().split(/\r?\n/);
  assert.match(lines[0], /^凭证号,记账日期,凭证摘要,来源,行号,科目编码,科目名称,借方,贷方/);
  assert.ok(lines.length > 10, `only ${lines.length} lines in the file`);
  assert.match(lines[1], /^记-\d{4}-\d{2}-\d{4},\d{4}-\d{2}-\d{2},/);

  // The job stays in My exports with its file.
  await page.keyboard.press('Escape');
  await page.goto('/account/exports');
  await byTestId(page, 'exports-table').waitFor();
  const row = page.locator('[data-testid^="exports-row-"]').first();
  await row.waitFor();
  assert.match(await row.innerText(), /journalLines-.*\.csv/);
  assert.match(await row.innerText(), /已完成/);
  assert.deepEqual(seriousProblems(page), []);
});
