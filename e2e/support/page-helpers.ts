// Small helpers for driving the element the way a person does: by visible labels and roles.
import type { Locator, Page } from 'playwright-core';

/** Whether `locator` has the keyboard focus, looking through shadow roots. */
export function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active === element;
  });
}

/** The text of the element that has the keyboard focus, looking through shadow roots. */
export function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.textContent ?? '';
  });
}

/** Types a date into the Day, Month and Year boxes of the date field labelled `label`. */
export async function fillDate(page: Page, label: string, isoDate: string): Promise<void> {
  const [year, month, day] = isoDate.split('-');
  const group = page.getByRole('group', { name: label });
  await group.getByLabel('Day').fill(String(Number(day)));
  await group.getByLabel('Month').fill(String(Number(month)));
  await group.getByLabel('Year').fill(year!);
}

/** Presses Continue and waits for the next step's heading. */
export async function continueTo(page: Page, heading: string): Promise<void> {
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: heading }).waitFor();
}

/**
 * Starts listening for the element's `union-join-success` event; resolves with the reference.
 * Call before the click that sends, so that the event cannot be missed.
 */
export async function nextSuccess(page: Page): Promise<() => Promise<string>> {
  await page.evaluate(() => {
    const target = window as unknown as { successReference?: Promise<string> };
    target.successReference = new Promise((resolve) =>
      document.addEventListener(
        'union-join-success',
        (event) => resolve((event as CustomEvent<{ id: string }>).detail.id),
        { once: true },
      ),
    );
  });
  return () =>
    page.evaluate(
      () => (window as unknown as { successReference: Promise<string> }).successReference,
    );
}

/**
 * Everything this origin keeps in IndexedDB, as one JSON text: what a person with the device in
 * hand could read. Knows no database or store names, so it sees drafts and the outbox alike.
 */
export function deviceText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const records: unknown[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store, 'readonly').objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        records.push(...values);
      }
      db.close();
    }
    return JSON.stringify(records);
  });
}
