// The form picker: one of the hub's forms, stored as the form's key (as Umbraco Forms stores it).
// A plain ES module: the back office's import map provides the @umbraco-cms/backoffice modules.
import { html } from '@umbraco-cms/backoffice/external/lit';
import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { UmbChangeEvent } from '@umbraco-cms/backoffice/event';
import { tryExecute } from '@umbraco-cms/backoffice/resources';
import { umbHttpClient } from '@umbraco-cms/backoffice/http-client';

export default class IcssiFormPickerElement extends UmbLitElement {
  static properties = {
    value: { type: String },
    readonly: { type: Boolean },
    _forms: { state: true },
    _failed: { state: true },
  };

  constructor() {
    super();
    this.value = '';
    this._forms = undefined;
    this._failed = false;
  }

  async connectedCallback() {
    super.connectedCallback();
    // "security" makes the back office send its token (kept in a cookie) with the request.
    const { data, error } = await tryExecute(this, umbHttpClient.get({
      url: '/umbraco/management/api/v1/icssi/forms',
      security: [{ type: 'http', scheme: 'bearer' }],
    }));
    this._failed = Boolean(error) || !Array.isArray(data);
    this._forms = this._failed ? [] : data;
  }

  #options() {
    const forms = this._forms ?? [];
    const options = [{ name: '(no form)', value: '', selected: !this.value }];
    for (const form of forms) {
      options.push({ name: form.name, value: form.id, selected: form.id === this.value });
    }
    if (this.value && !forms.some((form) => form.id === this.value)) {
      options.push({ name: `Unknown form ${this.value}`, value: this.value, selected: true });
    }
    return options;
  }

  #changed(event) {
    this.value = event.target.value;
    this.dispatchEvent(new UmbChangeEvent());
  }

  render() {
    if (this._forms === undefined) {
      return html`<uui-loader-bar></uui-loader-bar>`;
    }
    return html`
      <uui-select label="Form" .options=${this.#options()} ?disabled=${this.readonly} @change=${this.#changed}></uui-select>
      ${this._failed ? html`<p role="alert">The hub's forms could not be loaded.</p>` : ''}
    `;
  }
}

customElements.define('icssi-form-picker', IcssiFormPickerElement);
