function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Everything stored on the laptop's IndexedDB, as text: what someone with the disk would read. */
export async function dumpDisk(disk: IDBFactory): Promise<string> {
  const parts: string[] = [];
  for (const { name } of await disk.databases()) {
    if (!name) continue;
    const db = await request(disk.open(name) as unknown as IDBRequest<IDBDatabase>);
    for (const store of Array.from(db.objectStoreNames)) {
      const rows = await request(db.transaction(store, 'readonly').objectStore(store).getAll());
      parts.push(JSON.stringify(rows));
    }
    db.close();
  }
  return parts.join('\n');
}
