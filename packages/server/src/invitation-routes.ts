import {
  encodeInvitation,
  encodeList,
  encodeMembership,
  INVITATION_ORDER_FIELDS,
  INVITATION_STATUSES,
  readBulkInvitationBody,
  readInvitationBody,
} from '@roster/core';
import type { BackendStores } from './backend-stores';
import { paramInvalid } from './clerk-error';
import { acceptPath, type OutboxMessage } from './invitation-store';
import { BodyParams, readJsonBody, readJsonValue } from './request-input';
import type { Router } from './router';

function outboxMessageJSON(message: OutboxMessage, origin: string) {
  return {
    object: 'outbox_message',
    id: message.id,
    invitation_id: message.invitationId,
    organization_id: message.organizationId,
    to_email_address: message.toEmailAddress,
    subject: message.subject,
    body: message.body,
    accept_url: `${origin}${acceptPath(message.invitationId)}`,
    redirect_url: message.redirectUrl,
    created_at: message.createdAt,
  };
}

/**
 * `/organizations/{organization_id}/invitations...` (Clerk's Backend API) and the local server's
 * dev-only outbox: `GET /__outbox` and `POST /__invitations/{invitation_id}/accept`.
 */
export function registerInvitationRoutes(router: Router, stores: BackendStores): void {
  router.add('GET', '/organizations/:organizationId/invitations', ({ params, query }) => {
    const statuses = query.array('status');
    for (const status of statuses) {
      if (!(INVITATION_STATUSES as readonly string[]).includes(status)) {
        throw paramInvalid(
          'status',
          `${status} does not match one of the allowed values for parameter status: ${INVITATION_STATUSES.join(', ')}`,
        );
      }
    }
    const email = query.string('email_address');
    const orderBy = query.orderBy(INVITATION_ORDER_FIELDS, '-created_at');
    const paging = query.paging();
    return encodeList(
      stores.invitations.list({
        organizationId: params.organizationId ?? '',
        statuses,
        emailAddress: email === null || email === '' ? null : email,
        orderBy,
        ...paging,
      }),
      encodeInvitation,
    );
  });

  router.add('POST', '/organizations/:organizationId/invitations', async ({ params, request }) => {
    const input = readInvitationBody(await readJsonValue(request, {}));
    const [created] = stores.invitations.create(params.organizationId ?? '', [input], false);
    return encodeInvitation(created as NonNullable<typeof created>);
  });

  router.add('POST', '/organizations/:organizationId/invitations/bulk', async ({ params, request }) => {
    const inputs = readBulkInvitationBody(await readJsonValue(request, null));
    const created = stores.invitations.create(params.organizationId ?? '', inputs, true);
    return encodeList({ data: created, totalCount: created.length }, encodeInvitation);
  });

  router.add('GET', '/organizations/:organizationId/invitations/:invitationId', ({ params }) =>
    encodeInvitation(stores.invitations.get(params.organizationId ?? '', params.invitationId ?? '')),
  );

  router.add(
    'POST',
    '/organizations/:organizationId/invitations/:invitationId/revoke',
    async ({ params, request }) => {
      const body = new BodyParams(await readJsonBody(request)).onlyKnown(['requesting_user_id']);
      const requester = body.optionalString('requesting_user_id');
      return encodeInvitation(
        stores.invitations.revoke(params.organizationId ?? '', params.invitationId ?? '', requester),
      );
    },
  );

  router.add('GET', '/__outbox', ({ query, request }) => {
    const paging = query.paging();
    const list = stores.invitations.outbox({ emailAddress: query.string('email_address'), ...paging });
    const origin = new URL(request.url).origin;
    return { data: list.data.map((m) => outboxMessageJSON(m, origin)), total_count: list.totalCount };
  });

  router.add('POST', '/__invitations/:invitationId/accept', ({ params }) => {
    const { invitation, membership } = stores.invitations.accept(params.invitationId ?? '');
    return {
      object: 'organization_invitation_acceptance',
      invitation: encodeInvitation(invitation),
      membership: encodeMembership(membership),
    };
  });
}
