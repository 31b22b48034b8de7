// A small driver for the studio's e2e tests: what a person does, named as they would say it.
import { expect, type Locator, type Page } from '@playwright/test';

export const SCREENS = 'test-results/screens';

export class Studio {
  constructor(readonly page: Page) {}

  /** Opens the studio and waits until the stored workspaces are loaded. */
  async open(): Promise<this> {
    await this.page.goto('/');
    await expect(this.page.getByRole('button', { name: 'New workspace' })).toBeVisible({
      timeout: 15_000,
    });
    return this;
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `${SCREENS}/${name}.png` });
  }

  pane(name: 'Config' | 'Libraries' | 'Packets' | 'Run'): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** The Monaco editor whose accessible name is `label`, once Monaco (lazy) has mounted it. */
  async editor(label: string): Promise<Locator> {
    const monaco = this.page.locator('.monaco-editor', {
      has: this.page.getByRole('textbox', { name: label }),
    });
    await expect(monaco).toBeVisible({ timeout: 20_000 });
    return monaco;
  }

  /**
   * Replaces the whole text of a Monaco editor by typing (select all, then insert). Monaco
   * indents typed lines itself, so code is typed without its own leading spaces.
   */
  async replaceEditorText(label: string, text: string): Promise<void> {
    const editor = await this.editor(label);
    await editor.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    // insertText: one input event, so Monaco's auto-closing brackets do not double anything
    await this.page.keyboard.insertText(text.replace(/^[ \t]+/gm, ''));
  }

  async openExample(title: RegExp | string): Promise<void> {
    const select = this.page.getByLabel('Open example');
    const option = select.locator('option', { hasText: title });
    await select.selectOption({ label: (await option.first().textContent()) ?? '' });
  }

  async showRunTab(name: 'Hook sequence' | 'Log' | 'Files' | 'Responses'): Promise<void> {
    await this.pane('Run').getByRole('tab', { name }).click();
  }

  runStatus(): Locator {
    return this.page.getByTestId('run-status');
  }

  /**
   * Waits until the run shown is the run of the workspace as it is now (the app's idle signal:
   * no edit waiting out the debounce, no run in flight) and returns the status text.
   */
  async waitForRun(): Promise<string> {
    await expect(this.runStatus()).toHaveAttribute('data-state', 'idle', { timeout: 20_000 });
    return (await this.runStatus().textContent()) ?? '';
  }

  async addLibrary(path: string): Promise<void> {
    await this.page.getByLabel('New library path').fill(path);
    await this.page.getByRole('button', { name: 'New library' }).click();
  }

  async addToHooksLibraries(path: string): Promise<void> {
    await this.page.getByLabel('Library path', { exact: true }).fill(path);
    await this.page.getByRole('button', { name: 'Add library' }).click();
  }

  async importCapture(file: string): Promise<void> {
    await this.page.getByLabel('Import a pcap, pcapng or hex file').setInputFiles(file);
  }
}
