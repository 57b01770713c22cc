/**
 * The transfer dialog (이관): to an issue service (service, intake type, subject, content, that service's fields) or
 * to a Dooray! project task (organisation, project, template, tags, assignees, content). The workflow decides; its
 * refusals are shown in the dialog as sentences.
 */
import { useEffect, useMemo, useState } from 'react';
import type { CategoryNode, Ticket } from '../../api/types';
import { categoriesApi } from '../../api/rules';
import { doorayApi, transfersApi, type DoorayOrganization, type DoorayProject } from '../../api/transfers';
import { Dialog } from '../../components/dialog';
import { ErrorBanner, Spinner } from '../../components/feedback';
import { useToast } from '../../components/toasts';
import { useDirectory } from '../../directory';
import { useI18n } from '../../i18n';
import { useMe } from '../../session';

type Kind = 'issue' | 'dooray';

export function TransferDialog({ ticket, onClose, onTransferred }: { ticket: Ticket; onClose: () => void; onTransferred: () => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<Kind>('issue');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const toast = useToast();

  async function submit(send: () => Promise<unknown>, success: string) {
    setBusy(true);
    setError(null);
    try {
      await send();
      toast(success);
      onTransferred();
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open
      width={600}
      title={t('transfers.dialog.title')}
      subtitle={t('transfers.dialog.subtitle')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.action.cancel')}
          </button>
          <button type="submit" form="transfer-form" className="button primary" disabled={busy}>
            {busy && <Spinner size={14} />}
            {t(kind === 'issue' ? 'transfers.dialog.submitIssue' : 'transfers.dialog.submitDooray')}
          </button>
        </>
      }
    >
      <div className="stack">
      <div className="field">
        <span className="field-label" id="transfer-kind">
          {t('transfers.dialog.kind')}
        </span>
        <div className="segmented" role="radiogroup" aria-labelledby="transfer-kind">
          {(['issue', 'dooray'] as const).map((candidate) => (
            <button
              key={candidate}
              type="button"
              role="radio"
              aria-checked={kind === candidate}
              aria-pressed={kind === candidate}
              onClick={() => {
                setKind(candidate);
                setError(null);
              }}
            >
              {t(candidate === 'issue' ? 'transfers.dialog.issue' : 'transfers.dialog.dooray')}
            </button>
          ))}
        </div>
      </div>
      {kind === 'issue' ? <IssueForm ticket={ticket} submit={submit} /> : <DoorayForm ticket={ticket} submit={submit} />}
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      </div>
    </Dialog>
  );
}

type Submit = (send: () => Promise<unknown>, success: string) => Promise<void>;

function flatten(nodes: CategoryNode[], depth = 0): { id: string; label: string }[] {
  return nodes.flatMap((node) => [{ id: node.id, label: `${'  '.repeat(depth)}${node.name}` }, ...flatten(node.children, depth + 1)]);
}

/** `label: value` lines as the fields object; lines without a colon are ignored. */
function parseFields(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0 && line.slice(0, colon).trim()) fields[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return fields;
}

function IssueForm({ ticket, submit }: { ticket: Ticket; submit: Submit }) {
  const { t } = useI18n();
  const directory = useDirectory();
  const services = (directory.services ?? []).filter((service) => service.kind === 'issue');
  const [serviceId, setServiceId] = useState('');
  const [intakeTypeId, setIntakeTypeId] = useState('');
  const [intakeTypes, setIntakeTypes] = useState<{ id: string; label: string }[]>([]);
  const [subject, setSubject] = useState(ticket.subject);
  const [content, setContent] = useState(ticket.content);
  const [fields, setFields] = useState('');

  useEffect(() => {
    setIntakeTypeId('');
    setIntakeTypes([]);
    if (!serviceId) return;
    let cancelled = false;
    categoriesApi
      .tree(serviceId, 'intake')
      .then((tree) => !cancelled && setIntakeTypes(flatten(tree)))
      .catch(() => !cancelled && setIntakeTypes([]));
    return () => {
      cancelled = true;
    };
  }, [serviceId]);

  return (
    <form
      id="transfer-form"
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        const name = services.find((service) => service.id === serviceId)?.name ?? serviceId;
        void submit(
          () =>
            transfersApi.toIssueService(ticket.id, {
              serviceId,
              ...(intakeTypeId ? { intakeTypeId } : {}),
              subject: subject.trim(),
              content: content.trim(),
              fields: parseFields(fields),
            }),
          t('transfers.toast.issue', { service: name }),
        );
      }}
    >
      {directory.services && services.length === 0 && <p className="transfer-notice">{t('transfers.dialog.noIssueServices')}</p>}
      <div className="transfer-row">
        <label className="field">
          <span className="field-label">{t('transfers.dialog.service')}</span>
          <select value={serviceId} onChange={(event) => setServiceId(event.target.value)} required autoFocus>
            <option value="" disabled>
              {t('transfers.dialog.chooseService')}
            </option>
            {services.map((service) => (
              <option key={service.id} value={service.id}>
                {service.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('transfers.dialog.intakeType')}</span>
          <select value={intakeTypeId} onChange={(event) => setIntakeTypeId(event.target.value)} disabled={!serviceId}>
            <option value="">{t('transfers.dialog.noIntakeType')}</option>
            {intakeTypes.map((type) => (
              <option key={type.id} value={type.id}>
                {type.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="field">
        <span className="field-label">{t('transfers.dialog.subject')}</span>
        <input value={subject} onChange={(event) => setSubject(event.target.value)} required maxLength={200} />
      </label>
      <label className="field">
        <span className="field-label">{t('transfers.dialog.content')}</span>
        <textarea value={content} onChange={(event) => setContent(event.target.value)} required rows={5} />
      </label>
      <label className="field">
        <span className="field-label">{t('transfers.dialog.fields')}</span>
        <textarea value={fields} onChange={(event) => setFields(event.target.value)} rows={2} />
        <span className="field-hint">{t('transfers.dialog.fieldsHint')}</span>
      </label>
    </form>
  );
}

type Template = 'summary' | 'blank';

function DoorayForm({ ticket, submit }: { ticket: Ticket; submit: Submit }) {
  const { t } = useI18n();
  const me = useMe();
  const [organizations, setOrganizations] = useState<DoorayOrganization[] | null>(null);
  const [organizationId, setOrganizationId] = useState('');
  const [projects, setProjects] = useState<DoorayProject[]>([]);
  const [projectId, setProjectId] = useState('');
  const [template, setTemplate] = useState<Template>('summary');
  const [subject, setSubject] = useState(t('transfers.summaryTemplate.subject'));
  const [body, setBody] = useState(t('transfers.summaryTemplate.body'));
  const [tags, setTags] = useState('');
  // Off by default: an agent without a Dooray! member id would be refused (dooray.member_not_found).
  const [assignMe, setAssignMe] = useState(false);
  const [emails, setEmails] = useState('');
  const [loadError, setLoadError] = useState<unknown>(null);

  useEffect(() => {
    doorayApi
      .organizations()
      .then((list) => {
        setOrganizations(list);
        const first = list.find((org) => !org.paused);
        if (first) setOrganizationId(first.id);
      })
      .catch(setLoadError);
  }, []);
  useEffect(() => {
    setProjects([]);
    setProjectId('');
    if (!organizationId) return;
    doorayApi
      .projects(organizationId)
      .then((list) => {
        setProjects(list);
        if (list.length === 1) setProjectId(list[0].id);
      })
      .catch(setLoadError);
  }, [organizationId]);

  const chooseTemplate = (next: Template) => {
    setTemplate(next);
    setSubject(next === 'summary' ? t('transfers.summaryTemplate.subject') : ticket.subject);
    setBody(next === 'summary' ? t('transfers.summaryTemplate.body') : '');
  };
  const organization = useMemo(() => organizations?.find((org) => org.id === organizationId), [organizations, organizationId]);

  return (
    <form
      id="transfer-form"
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        const others = emails
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean)
          .map((email) => ({ email, name: null }));
        void submit(
          () =>
            transfersApi.toDooray(ticket.id, {
              projectId,
              subject: subject.trim(),
              body: body.trim(),
              tagIds: tags
                .split(',')
                .map((tag) => tag.trim())
                .filter(Boolean),
              assignees: [...(assignMe ? [{ agentId: me.id }] : []), ...others],
            }),
          t('transfers.toast.dooray'),
        );
      }}
    >
      <ErrorBanner error={loadError} />
      {organizations && organizations.length === 0 && <p className="transfer-notice">{t('transfers.dialog.noOrganizations')}</p>}
      <div className="transfer-row">
        <label className="field">
          <span className="field-label">{t('transfers.dialog.organization')}</span>
          <select value={organizationId} onChange={(event) => setOrganizationId(event.target.value)} required autoFocus>
            <option value="" disabled>
              {t('transfers.dialog.chooseOrganization')}
            </option>
            {(organizations ?? []).map((org) => (
              <option key={org.id} value={org.id}>
                {org.paused ? t('transfers.dialog.paused', { name: org.name }) : org.name}
              </option>
            ))}
          </select>
          {organization?.paused && <span className="field-hint warn">{t('transfers.dialog.pausedHint')}</span>}
        </label>
        <label className="field">
          <span className="field-label">{t('transfers.dialog.project')}</span>
          <select value={projectId} onChange={(event) => setProjectId(event.target.value)} required disabled={!organizationId}>
            <option value="" disabled>
              {t('transfers.dialog.chooseProject')}
            </option>
            {projects.map((project) => (
              <option key={project.id} value={project.id}>
                {project.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="field">
        <span className="field-label" id="dooray-template">
          {t('transfers.dialog.template')}
        </span>
        <div className="segmented small" role="radiogroup" aria-labelledby="dooray-template">
          {(['summary', 'blank'] as const).map((candidate) => (
            <button key={candidate} type="button" role="radio" aria-checked={template === candidate} aria-pressed={template === candidate} onClick={() => chooseTemplate(candidate)}>
              {t(candidate === 'summary' ? 'transfers.dialog.templateSummary' : 'transfers.dialog.templateBlank')}
            </button>
          ))}
        </div>
      </div>
      <label className="field">
        <span className="field-label">{t('transfers.dialog.subject')}</span>
        <input value={subject} onChange={(event) => setSubject(event.target.value)} required maxLength={200} />
      </label>
      <label className="field">
        <span className="field-label">{t('transfers.dialog.content')}</span>
        <textarea value={body} onChange={(event) => setBody(event.target.value)} required rows={5} />
        <span className="field-hint">{t('transfers.dialog.codesHint')}</span>
      </label>
      <div className="transfer-row">
        <fieldset className="fieldset">
          <legend>{t('transfers.dialog.assignees')}</legend>
          <label className="transfer-check">
            <input type="checkbox" checked={assignMe} onChange={(event) => setAssignMe(event.target.checked)} /> {t('transfers.dialog.assignMe')}
          </label>
          <textarea value={emails} onChange={(event) => setEmails(event.target.value)} rows={2} aria-label={t('transfers.dialog.assigneeEmails')} placeholder={t('transfers.dialog.assigneeEmails')} />
          <span className="field-hint">{t('transfers.dialog.assigneesHint')}</span>
        </fieldset>
        <label className="field">
          <span className="field-label">{t('transfers.dialog.tags')}</span>
          <input value={tags} onChange={(event) => setTags(event.target.value)} />
          <span className="field-hint">{t('transfers.dialog.tagsHint')}</span>
        </label>
      </div>
    </form>
  );
}
