import { failureText } from './ui/strings.ts';
import { mountTaskPane } from './ui/app.ts';

/**
 * The task pane's entry: waits for Office, then mounts the pane with the real Excel, the
 * document's settings and this computer's localStorage. Everything else is in ui/ and excel/.
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
  });
});
