import type { MembershipCsvMetadataColumn } from '@roster/core';
import { useMembershipPermissions, useOrganizationInvitations } from '@roster/react';
import { forwardRef, type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react';
import { AddMemberDialog, type AddMemberDialogSlot } from './add-member-dialog';
import { WithAnnouncer } from './announcer';
import { InvitationList, type InvitationListSlot } from './invitation-list';
import { InviteMembersDialog, type InviteMembersDialogSlot } from './invite-members-dialog';
import { RosterLocalizationProvider, useLocalization } from './localization';
import { MemberList, type MemberListClassNames, type MemberListProps } from './member-list';
import { MemberListExportButton, type MemberListExportButtonSlot } from './member-list-export-button';
import { PortalContainerContext } from './portal-container';
import { useControllableState } from './use-controllable-state';

/** The panel's sections. */
export type OrganizationMembersPanelTab = 'members' | 'invitations';

/** The panel's own parts, stamped `data-roster-slot="organization-members-panel-<slot>"`. */
export type OrganizationMembersPanelSlot = 'root' | 'header' | 'tabs' | 'tab' | 'tabpanel';

/** Classes per part of the panel: the member list's, plus the dialogs', the invitations' and the tabs'. */
export interface OrganizationMembersPanelClassNames extends MemberListClassNames {
  /** Parts of the add dialog. */
  addDialog?: Partial<Record<AddMemberDialogSlot, string>>;
  /** Parts of the invite dialog. */
  inviteDialog?: Partial<Record<InviteMembersDialogSlot, string>>;
  /** Parts of the invitation list. */
  invitationList?: Partial<Record<InvitationListSlot, string>>;
  /** Parts of the Export CSV button. */
  exportButton?: Partial<Record<MemberListExportButtonSlot, string>>;
  /** The tabs and their panels. */
  panel?: Partial<Record<OrganizationMembersPanelSlot, string>>;
}

/** Props of {@link OrganizationMembersPanel}: the member list's, plus the dialogs' and tabs' options. */
export interface OrganizationMembersPanelProps extends Omit<MemberListProps, 'classNames'> {
  /** Hide the Add member button (it is hidden anyway when the viewer may not add members). */
  hideAddMember?: boolean;
  /** The role preselected in the add dialog. Default `org:member`. */
  defaultAddRole?: string;
  /** Hide the Export CSV button (it is shown to viewers who may read members). */
  hideExport?: boolean;
  /** Public-metadata columns of the CSV export (`{ key, label }`), after the built-in ones. */
  exportMetadataColumns?: readonly MembershipCsvMetadataColumn[];
  /**
   * Hide the Invitations tab and the Invite members button (they are shown only to viewers who may
   * manage members).
   */
  hideInvitations?: boolean;
  /** The role preselected in the invite dialog. Default `org:member`. */
  defaultInviteRole?: string;
  /** The tab shown (controlled). */
  tab?: OrganizationMembersPanelTab;
  /** The tab shown first (uncontrolled). Default `'members'`. */
  defaultTab?: OrganizationMembersPanelTab;
  /** Called when the user picks a tab. */
  onTabChange?: (tab: OrganizationMembersPanelTab) => void;
  /** Classes per part (see {@link OrganizationMembersPanelClassNames}). */
  classNames?: OrganizationMembersPanelClassNames;
  /** Extra toolbar content, before the Add member button. */
  toolbarActions?: ReactNode;
  /**
   * How long a role change or removal can be undone (see `MemberList`'s `undoWindowMs`). Default
   * 5000 in the panel (the drop-in shows Undo); `0` sends every change at once, as `MemberList` does
   * by default.
   */
  undoWindowMs?: number | undefined;
}

/** The panel's undo window: long enough to reach the Undo button, short enough to forget. */
const PANEL_UNDO_WINDOW_MS = 5000;

const TABS: readonly OrganizationMembersPanelTab[] = ['members', 'invitations'];

/**
 * The members page in one line: `<OrganizationMembersPanel organizationId="org_..." />` inside a
 * `RosterProvider`. The member list with search, filter, sort, paging, role changes and removal,
 * plus an Add member dialog for viewers who may add members, and announcements. Viewers who may
 * manage members also get tabs `Members` and `Invitations` (with the pending count) and an Invite
 * members button.
 */
export const OrganizationMembersPanel = /* @__PURE__ */ forwardRef<
  HTMLDivElement,
  OrganizationMembersPanelProps
>(function OrganizationMembersPanel(
  {
    hideAddMember = false,
    defaultAddRole,
    hideExport = false,
    exportMetadataColumns,
    hideInvitations = false,
    defaultInviteRole,
    tab: tabProp,
    defaultTab = 'members',
    onTabChange,
    classNames,
    toolbarActions,
    undoWindowMs = PANEL_UNDO_WINDOW_MS,
    ...listProps
  },
  ref,
) {
  const { organizationId } = listProps;
  const text = useLocalization(listProps.localization);
  const permissions = useMembershipPermissions(organizationId);
  const organizationName = permissions.viewerMembership?.organization.name;
  const { addDialog, inviteDialog, invitationList, exportButton, panel, ...listClassNames } =
    classNames ?? {};
  const showAdd = !hideAddMember && permissions.canAdd;
  const showExport = !hideExport && permissions.canRead;
  const showTabs = !hideInvitations && permissions.canManage;
  // The same view as the list's first page (pending, 10 a page): one cache entry, one request.
  const pending = useOrganizationInvitations({ organizationId, enabled: showTabs });
  const [tab, setTab] = useControllableState(
    tabProp,
    defaultTab,
    onTabChange,
    'OrganizationMembersPanel (tab)',
  );
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const tabRefs = useRef<Partial<Record<OrganizationMembersPanelTab, HTMLButtonElement | null>>>({});
  const id = useId();

  const members = (
    <MemberList
      {...listProps}
      undoWindowMs={undoWindowMs}
      ref={ref}
      classNames={listClassNames}
      toolbarActions={
        toolbarActions || showExport || showAdd ? (
          <>
            {toolbarActions}
            {showExport && (
              <MemberListExportButton
                {...(exportMetadataColumns && { metadataColumns: exportMetadataColumns })}
                {...(exportButton && { classNames: exportButton })}
              />
            )}
            {showAdd && (
              <AddMemberDialog
                organizationId={organizationId}
                organizationName={organizationName}
                {...(defaultAddRole !== undefined && { defaultRole: defaultAddRole })}
                {...(addDialog && { classNames: addDialog })}
              />
            )}
          </>
        ) : undefined
      }
    />
  );
  const select = setTab;
  // Arrows move between the tabs (and select them), Home and End go to the first and last.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, Home: -9, End: 9 };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const target = TABS[Math.max(0, Math.min(TABS.length - 1, TABS.indexOf(tab) + move))] ?? tab;
    select(target);
    tabRefs.current[target]?.focus();
  };
  const count = pending.totalCount || undefined;
  const label = (name: OrganizationMembersPanelTab) =>
    name === 'members' ? text.membersTab : text.invitationsTab(count);

  // One live region for the dialogs and lists inside; dialogs portal into the panel (its theme).
  // The tree is the same with or without tabs, so the member list is not remounted (and loses
  // nothing) when the viewer's permissions arrive after it.
  return (
    <WithAnnouncer>
      <RosterLocalizationProvider localization={listProps.localization}>
        <PortalContainerContext.Provider value={container}>
          <div
            ref={setContainer}
            data-roster-slot="organization-members-panel-root"
            data-roster-panel=""
            className={panel?.root}
          >
            {showTabs && (
              <div data-roster-slot="organization-members-panel-header" className={panel?.header}>
                <div
                  role="tablist"
                  onKeyDown={onKeyDown}
                  data-roster-slot="organization-members-panel-tabs"
                  className={panel?.tabs}
                >
                  {TABS.map((name) => (
                    <button
                      key={name}
                      ref={(element) => {
                        tabRefs.current[name] = element;
                      }}
                      type="button"
                      role="tab"
                      id={`${id}-${name}-tab`}
                      aria-selected={tab === name}
                      aria-controls={`${id}-${name}-panel`}
                      tabIndex={tab === name ? 0 : -1}
                      onClick={() => select(name)}
                      data-roster-slot="organization-members-panel-tab"
                      data-state={tab === name ? 'active' : 'inactive'}
                      className={panel?.tab}
                    >
                      {label(name)}
                    </button>
                  ))}
                </div>
                <InviteMembersDialog
                  organizationId={organizationId}
                  organizationName={organizationName}
                  {...(defaultInviteRole !== undefined && { defaultRole: defaultInviteRole })}
                  {...(inviteDialog && { classNames: inviteDialog })}
                  onInvited={() => select('invitations')}
                />
              </div>
            )}
            <div
              id={`${id}-members-panel`}
              {...(showTabs && { role: 'tabpanel', 'aria-labelledby': `${id}-members-tab` })}
              hidden={showTabs && tab !== 'members'}
              data-roster-slot="organization-members-panel-tabpanel"
              className={panel?.tabpanel}
            >
              {members}
            </div>
            {showTabs && (
              <div
                role="tabpanel"
                id={`${id}-invitations-panel`}
                aria-labelledby={`${id}-invitations-tab`}
                hidden={tab !== 'invitations'}
                data-roster-slot="organization-members-panel-tabpanel"
                className={panel?.tabpanel}
              >
                {tab === 'invitations' && (
                  <InvitationList
                    organizationId={organizationId}
                    {...(invitationList && { classNames: invitationList })}
                  />
                )}
              </div>
            )}
          </div>
        </PortalContainerContext.Provider>
      </RosterLocalizationProvider>
    </WithAnnouncer>
  );
});
