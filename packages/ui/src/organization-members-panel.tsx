import { useMembershipPermissions } from '@roster/react';
import { forwardRef, type ReactNode } from 'react';
import { AddMemberDialog, type AddMemberDialogSlot } from './add-member-dialog';
import { MemberList, type MemberListClassNames, type MemberListProps } from './member-list';

/** Classes per part of the panel: the member list's, plus the add dialog's. */
export interface OrganizationMembersPanelClassNames extends MemberListClassNames {
  /** Parts of the add dialog. */
  addDialog?: Partial<Record<AddMemberDialogSlot, string>>;
}

/** Props of {@link OrganizationMembersPanel}: the member list's, plus the add dialog's options. */
export interface OrganizationMembersPanelProps extends Omit<MemberListProps, 'classNames'> {
  /** Hide the Add member button (it is hidden anyway when the viewer may not add members). */
  hideAddMember?: boolean;
  /** The role preselected in the add dialog. Default `org:member`. */
  defaultAddRole?: string;
  /** Classes per part (see {@link OrganizationMembersPanelClassNames}). */
  classNames?: OrganizationMembersPanelClassNames;
  /** Extra toolbar content, before the Add member button. */
  toolbarActions?: ReactNode;
}

/**
 * The members page in one line: `<OrganizationMembersPanel organizationId="org_..." />` inside a
 * `RosterProvider`. The member list with search, filter, sort, paging, role changes and removal,
 * plus an Add member dialog for viewers who may add members, and announcements.
 */
export const OrganizationMembersPanel = /* @__PURE__ */ forwardRef<
  HTMLDivElement,
  OrganizationMembersPanelProps
>(function OrganizationMembersPanel(
  { hideAddMember = false, defaultAddRole, classNames, toolbarActions, ...listProps },
  ref,
) {
  const permissions = useMembershipPermissions(listProps.organizationId);
  const organizationName = permissions.viewerMembership?.organization.name;
  const { addDialog, ...listClassNames } = classNames ?? {};
  const showAdd = !hideAddMember && permissions.canAdd;
  return (
    <MemberList
      {...listProps}
      ref={ref}
      data-roster-panel=""
      classNames={listClassNames}
      toolbarActions={
        toolbarActions || showAdd ? (
          <>
            {toolbarActions}
            {showAdd && (
              <AddMemberDialog
                organizationId={listProps.organizationId}
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
});
