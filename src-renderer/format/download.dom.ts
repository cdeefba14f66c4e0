// Hands a file made by the core to the user as a download, the same way under Electron and
// in the browser host.
export function downloadBase64(fileName: string, base64: string, type: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy by the next task; the object URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
