import { queueStore } from './submit/queue-store.ts';
import { failureText } from './ui/strings.ts';
import { mountTaskPane } from './ui/app.ts';

/**
 * The task pane's entry: waits for Office, then mounts the pane with the real Excel, the
 * document's settings, this computer's localStorage, and IndexedDB for a submission waiting for the
 * network. Everything else is in ui/, excel/ and submit/. (The browser tests inject a stand-in as
 * `Office` and `Excel` before this runs: tests/e2e/taskpane-host.ts.)
 */
Office.onReady((info) => {
  const root = document.getElementById('app');
  if (!root) return;
  if (info.host !== Office.HostType.Excel) {
    root.textContent = 'Hãy mở phần bổ trợ này trong Excel (thẻ Trang đầu → Kiểm tra GNBV). / Open this add-in in Excel.';
    return;
  }
  if (!Office.context.requirements.isSetSupported('ExcelApi', '1.13')) {
    root.textContent = failureText('excelOld', 'vi');
    return;
  }
  mountTaskPane(root, {
    run: (work) => Excel.run(work),
    documentSettings: Office.context.document.settings,
    storage: window.localStorage,
    fetch: window.fetch.bind(window),
    notes: Office.context.requirements.isSetSupported('ExcelApi', '1.18'),
    defaultServerUrl: window.location.origin,
    queueStore: queueStore({ indexedDB: window.indexedDB, storage: window.localStorage }),
  });
});
