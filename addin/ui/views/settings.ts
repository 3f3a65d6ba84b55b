import { saveSettings } from '../actions/settings.ts';
import { h } from '../../../front/dom.ts';
import type { Pane } from '../pane.ts';
import { t } from '../strings.ts';

/** Server, token and language. */
export function settingsPanel(pane: Pane): HTMLElement {
  const { state } = pane;
  const l = pane.lang();
  return h(
    'form',
    {
      className: 'card settings',
      'aria-labelledby': 'settings-title',
      onSubmit: (e: Event) => {
        e.preventDefault();
        void saveSettings(pane, e.target as HTMLFormElement);
      },
    },
    h('h2', { id: 'settings-title' }, t('settings', l)),
    h('label', { for: 'serverUrl' }, t('serverUrl', l)),
    h('input', { id: 'serverUrl', name: 'serverUrl', type: 'url', value: state.settings.serverUrl, placeholder: 'https://…', autocomplete: 'url' }),
    h('label', { for: 'token' }, t('token', l)),
    h('input', { id: 'token', name: 'token', type: 'password', value: state.settings.token, autocomplete: 'off' }),
    h('p', { className: 'muted' }, t('tokenHint', l)),
    h('label', { for: 'lang' }, t('language', l)),
    h(
      'select',
      { id: 'lang', name: 'lang' },
      h('option', { value: 'vi', selected: l === 'vi' }, 'Tiếng Việt'),
      h('option', { value: 'en', selected: l === 'en' }, 'English'),
    ),
    h(
      'div',
      { className: 'row' },
      h('button', { type: 'submit', id: 'save-settings', className: 'primary', disabled: state.busy }, t('save', l)),
      h(
        'button',
        {
          type: 'button',
          onClick: () => {
            state.showSettings = false;
            pane.render();
          },
        },
        t('cancel', l),
      ),
    ),
  );
}
