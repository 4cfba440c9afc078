/**
 * The bundled locales' `roleName`: the locale's word for Clerk's two built-in roles (`org:admin`,
 * `org:member`), the server's name for any other (custom) role. Internal to `@roster/ui/locales/*`.
 */
export function builtInRoleNames(
  admin: string,
  member: string,
): (roleKey: string, serverName: string) => string {
  return (roleKey, serverName) =>
    roleKey === 'org:admin' ? admin : roleKey === 'org:member' ? member : serverName;
}
