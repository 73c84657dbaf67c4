// The Registrations dashboard of the Content section: places and waitlists per event for every user of the section;
// for administrators also who registered (with Promote on those in line), the CSV export, and one person's data
// (export or erase). The server refuses the administrators' calls to anyone else, whatever this view shows.
import { html, css, nothing } from '@umbraco-cms/backoffice/external/lit';
import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { tryExecute } from '@umbraco-cms/backoffice/resources';
import { umbHttpClient } from '@umbraco-cms/backoffice/http-client';
import { UMB_CURRENT_USER_CONTEXT } from '@umbraco-cms/backoffice/current-user';
import { umbConfirmModal } from '@umbraco-cms/backoffice/modal';

const API = '/umbraco/management/api/v1/icssi/registrations';
// Makes the back office send its token (kept in a cookie) with the request.
const SECURITY = [{ type: 'http', scheme: 'bearer' }];

export default class IcssiRegistrationsDashboardElement extends UmbLitElement {
  static properties = {
    _events: { state: true },
    _isAdmin: { state: true },
    _detail: { state: true },
    _email: { state: true },
    _message: { state: true },
    _error: { state: true },
    _busy: { state: true },
  };

  static styles = css`
    :host { display: block; padding: var(--uui-size-layout-1); }
    uui-box { margin-bottom: var(--uui-size-layout-1); }
    .actions { display: flex; gap: var(--uui-size-space-3); flex-wrap: wrap; align-items: end; margin-top: var(--uui-size-space-4); }
    .number { text-align: end; }
    [role='alert'] { color: var(--uui-color-danger); }
    uui-input { min-width: 20rem; }
    uui-table-cell.row-actions, uui-table-head-cell.row-actions { width: 1%; white-space: nowrap; overflow: visible; }
    .email { overflow-wrap: anywhere; }
  `;

  constructor() {
    super();
    this._events = undefined;
    this._isAdmin = false;
    this._detail = undefined;
    this._email = '';
    this._message = '';
    this._error = '';
    this._busy = false;
    this.consumeContext(UMB_CURRENT_USER_CONTEXT, (context) => {
      this.observe(context?.isAdmin, (isAdmin) => { this._isAdmin = Boolean(isAdmin); }, 'icssiIsAdmin');
    });
  }

  connectedCallback() {
    super.connectedCallback();
    this.#loadEvents();
  }

  async #call(request) {
    const { data, error } = await tryExecute(this, request, { disableNotifications: true });
    if (error) {
      const problem = error.problemDetails ?? error.body ?? error;
      this._error = problem?.detail ?? problem?.title ?? error.message ?? 'The request failed.';
      return undefined;
    }
    this._error = '';
    return data;
  }

  async #loadEvents() {
    const data = await this.#call(umbHttpClient.get({ url: `${API}/events`, security: SECURITY }));
    this._events = Array.isArray(data) ? data : [];
  }

  async #openEvent(id, { keepMessage = false } = {}) {
    if (!keepMessage) {
      this._message = '';
    }
    const data = await this.#call(umbHttpClient.get({ url: `${API}/events/${encodeURIComponent(id)}`, security: SECURITY }));
    if (data) {
      this._detail = data;
    }
  }

  #closeEvent() {
    this._detail = undefined;
    this._message = '';
    this.#loadEvents();
  }

  async #promote(registration) {
    this._busy = true;
    const data = await this.#call(umbHttpClient.post({ url: `${API}/${encodeURIComponent(registration.id)}/promote`, security: SECURITY }));
    this._busy = false;
    if (data) {
      // <bdi>: a right-to-left name inside an English sentence keeps its own direction.
      this._message = data.outcome === 'promoted'
        ? html`<bdi>${registration.name}</bdi> now has a place.`
        : html`The event is full: <bdi>${registration.name}</bdi> is first in line for the next place that frees.`;
      await this.#openEvent(this._detail.event.id, { keepMessage: true });
    }
  }

  async #download(request, fileName) {
    this._busy = true;
    const blob = await this.#call(request);
    this._busy = false;
    if (!blob) {
      return;
    }
    const url = URL.createObjectURL(blob instanceof Blob ? blob : new Blob([blob]));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.style.display = 'none';
    // Otherwise the back office's router takes the click on a same-origin link as navigation.
    link.dataset.routerSlot = 'disabled';
    this.shadowRoot.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  #exportCsv(eventId) {
    const query = eventId ? `?eventId=${encodeURIComponent(eventId)}` : '';
    return this.#download(umbHttpClient.get({ url: `${API}/export${query}`, security: SECURITY, parseAs: 'blob' }), 'registrations.csv');
  }

  #personBody() {
    return { email: this._email.trim() };
  }

  #exportPerson() {
    this._message = '';
    return this.#download(
      umbHttpClient.post({ url: `${API}/person/export`, security: SECURITY, body: this.#personBody(), headers: { 'Content-Type': 'application/json' }, parseAs: 'blob' }),
      'person-data.json');
  }

  async #erasePerson() {
    const email = this._email.trim();
    if (!email) {
      this._error = "Enter the person's e-mail address.";
      return;
    }
    try {
      await umbConfirmModal(this, {
        headline: 'Erase this person?',
        content: `Every sign-up and registration of ${email}, for every event, is deleted. This cannot be undone.`,
        color: 'danger',
        confirmLabel: 'Erase',
      });
    } catch {
      return;
    }
    this._busy = true;
    const data = await this.#call(umbHttpClient.post({
      url: `${API}/person/erase`, security: SECURITY, body: { email }, headers: { 'Content-Type': 'application/json' },
    }));
    this._busy = false;
    if (data) {
      this._message = `Erased ${data.records} sign-up record(s) and ${data.registrations} registration(s).`;
      this._email = '';
      if (this._detail) {
        await this.#openEvent(this._detail.event.id, { keepMessage: true });
      } else {
        await this.#loadEvents();
      }
    }
  }

  #capacity(event) {
    return event.capacity ?? 'No limit';
  }

  #eventName(event) {
    return event.name || `(deleted event ${event.id})`;
  }

  #renderEvents() {
    if (this._events === undefined) {
      return html`<uui-loader-bar></uui-loader-bar>`;
    }
    if (this._events.length === 0) {
      return html`<p>No event has places or sign-ups yet.</p>`;
    }
    return html`
      <uui-table aria-label="Events">
        <uui-table-head>
          <uui-table-head-cell>Event</uui-table-head-cell>
          <uui-table-head-cell>Capacity</uui-table-head-cell>
          <uui-table-head-cell>Held</uui-table-head-cell>
          <uui-table-head-cell>Confirmed</uui-table-head-cell>
          <uui-table-head-cell>Waitlisted</uui-table-head-cell>
          <uui-table-head-cell>Cancelled or expired</uui-table-head-cell>
        </uui-table-head>
        ${this._events.map((event) => html`
          <uui-table-row data-event-id=${event.id}>
            <uui-table-cell dir="auto">
              ${this._isAdmin
                ? html`<uui-button look="outline" compact label=${`Open ${this.#eventName(event)}`} @click=${() => this.#openEvent(event.id)}>
                    <span dir="auto">${this.#eventName(event)}</span></uui-button>`
                : html`<span dir="auto">${this.#eventName(event)}</span>`}
              ${event.published ? nothing : html`<uui-tag look="secondary">not published</uui-tag>`}
            </uui-table-cell>
            <uui-table-cell class="number" data-column="capacity">${this.#capacity(event)}</uui-table-cell>
            <uui-table-cell class="number" data-column="held">${event.held}</uui-table-cell>
            <uui-table-cell class="number" data-column="confirmed">${event.confirmed}</uui-table-cell>
            <uui-table-cell class="number" data-column="waitlisted">${event.waitlisted}</uui-table-cell>
            <uui-table-cell class="number" data-column="released">${event.cancelled + event.expired}</uui-table-cell>
          </uui-table-row>`)}
      </uui-table>
      ${this._isAdmin
        ? html`<div class="actions">
            <uui-button look="primary" label="Export CSV" ?disabled=${this._busy} @click=${() => this.#exportCsv()}>Export CSV</uui-button>
          </div>`
        : nothing}
    `;
  }

  #renderDetail() {
    const { event, registrations } = this._detail;
    return html`
      <uui-box>
        <span slot="headline" dir="auto">${this.#eventName(event)}</span>
        <p>
          Capacity: <strong data-field="capacity">${this.#capacity(event)}</strong>,
          held: <strong data-field="held">${event.held}</strong>,
          confirmed: <strong data-field="confirmed">${event.confirmed}</strong>,
          waitlisted: <strong data-field="waitlisted">${event.waitlisted}</strong>
        </p>
        ${registrations.length === 0
          ? html`<p>Nobody has signed up for this event.</p>`
          : html`
            <uui-table aria-label="Registrations">
              <uui-table-head>
                <uui-table-head-cell>Name</uui-table-head-cell>
                <uui-table-head-cell>E-mail</uui-table-head-cell>
                <uui-table-head-cell>Language</uui-table-head-cell>
                <uui-table-head-cell>Status</uui-table-head-cell>
                <uui-table-head-cell>Place in line</uui-table-head-cell>
                <uui-table-head-cell>Signed up</uui-table-head-cell>
                <uui-table-head-cell class="row-actions">Actions</uui-table-head-cell>
              </uui-table-head>
              ${registrations.map((r) => html`
                <uui-table-row data-registration-id=${r.id}>
                  <uui-table-cell dir="auto">${r.name}</uui-table-cell>
                  <uui-table-cell class="email">${r.email}</uui-table-cell>
                  <uui-table-cell>${r.culture}</uui-table-cell>
                  <uui-table-cell data-column="status">${r.status}</uui-table-cell>
                  <uui-table-cell class="number" data-column="place-in-line">${r.placeInLine ?? ''}</uui-table-cell>
                  <uui-table-cell><time datetime=${r.signedUpAt}>${new Date(r.signedUpAt).toLocaleString()}</time></uui-table-cell>
                  <uui-table-cell class="row-actions">
                    ${r.status === 'waitlisted'
                      ? html`<uui-button look="primary" compact label=${`Promote ${r.name}`} ?disabled=${this._busy} @click=${() => this.#promote(r)}>Promote</uui-button>`
                      : nothing}
                  </uui-table-cell>
                </uui-table-row>`)}
            </uui-table>`}
        <div class="actions">
          <uui-button look="primary" label="Export CSV" ?disabled=${this._busy} @click=${() => this.#exportCsv(event.id)}>Export CSV</uui-button>
          <uui-button look="secondary" label="Back to all events" @click=${this.#closeEvent}>Back to all events</uui-button>
        </div>
      </uui-box>
    `;
  }

  #renderPerson() {
    return html`
      <uui-box headline="One person's data">
        <p>Export everything stored for an e-mail address, or erase it (a data subject's request).</p>
        <div class="actions">
          <uui-form-layout-item>
            <uui-label slot="label" for="icssi-person-email">E-mail address</uui-label>
            <uui-input id="icssi-person-email" type="email" label="E-mail address" .value=${this._email}
              @input=${(e) => { this._email = e.target.value; }}></uui-input>
          </uui-form-layout-item>
          <uui-button look="secondary" label="Export their data" ?disabled=${this._busy || !this._email.trim()} @click=${this.#exportPerson}>Export their data</uui-button>
          <uui-button look="primary" color="danger" label="Erase their data" ?disabled=${this._busy || !this._email.trim()} @click=${this.#erasePerson}>Erase their data</uui-button>
        </div>
      </uui-box>
    `;
  }

  render() {
    return html`
      ${this._message ? html`<p role="status">${this._message}</p>` : nothing}
      ${this._error ? html`<p role="alert">${this._error}</p>` : nothing}
      ${this._detail && this._isAdmin
        ? this.#renderDetail()
        : html`<uui-box headline="Registrations">${this.#renderEvents()}</uui-box>`}
      ${this._isAdmin ? this.#renderPerson() : nothing}
    `;
  }
}

customElements.define('icssi-registrations-dashboard', IcssiRegistrationsDashboardElement);
