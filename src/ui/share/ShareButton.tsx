import { appStoreApi } from "../../store/store";
import { makeShareLink } from "./make-share-link";

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Makes the link, copies it, and shows it in the share dialog. */
export async function shareNow(): Promise<void> {
  const store = appStoreApi();
  const link = makeShareLink(store.getState(), location.origin + location.pathname);
  store.getState().setShareDialog({ url: link.url, named: link.named, fillsHash: link.fillsHash, copied: false });
  const copied = await copy(link.url);
  const d = store.getState().shareDialog;
  if (d && d.url === link.url) store.getState().setShareDialog({ ...d, copied });
}

export function ShareButton() {
  return (
    <button className="btn" data-testid="share" onClick={() => void shareNow()} title="Copy a link to this strategy">
      Share
    </button>
  );
}

export { copy as copyToClipboard };
