/** Wire documents shaped as the Backend API sends them, for codec and HTTP client tests. */

export function organizationJSON(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    object: 'organization',
    id: 'org_acme',
    name: 'Acme',
    slug: 'acme',
    image_url: 'https://img.example/org_acme.png',
    has_image: false,
    max_allowed_memberships: 0,
    admin_delete_enabled: true,
    public_metadata: { plan: 'pro' },
    private_metadata: { billing: { id: 'cus_1' } },
    created_by: 'user_alice',
    created_at: 1_700_000_000_000,
    updated_at: 1_700_000_100_000,
    ...overrides,
  };
}

export function publicUserDataJSON(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    user_id: 'user_bob',
    first_name: 'Bob',
    last_name: 'Jones',
    profile_image_url: 'https://img.example/bob.png',
    image_url: 'https://img.example/bob.png',
    has_image: true,
    identifier: 'bob@acme.test',
    username: null,
    banned: false,
    ...overrides,
  };
}

export function membershipJSON(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    object: 'organization_membership',
    id: 'orgmem_bob',
    role: 'org:member',
    role_name: 'Member',
    permissions: ['org:sys_memberships:read'],
    public_metadata: { team: { name: 'Core' } },
    private_metadata: { note: 'hired in May' },
    organization: organizationJSON(),
    public_user_data: publicUserDataJSON(),
    created_at: 1_700_000_200_000,
    updated_at: 1_700_000_300_000,
    ...overrides,
  };
}

export function roleJSON(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    object: 'role',
    id: 'role_admin',
    name: 'Admin',
    key: 'org:admin',
    description: 'Can manage everything.',
    is_creator_eligible: true,
    permissions: [
      {
        object: 'permission',
        id: 'perm_manage',
        name: 'Manage members',
        key: 'org:sys_memberships:manage',
        description: 'Add and remove members.',
        type: 'system',
        created_at: 1_690_000_000_000,
        updated_at: 1_690_000_000_000,
      },
    ],
    created_at: 1_690_000_000_000,
    updated_at: 1_690_000_000_000,
    ...overrides,
  };
}

export function userJSON(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    object: 'user',
    id: 'user_dana',
    first_name: 'Dana',
    last_name: 'Lee',
    username: 'dana',
    image_url: 'https://img.example/dana.png',
    has_image: false,
    primary_email_address_id: 'idn_dana',
    email_addresses: [{ id: 'idn_dana', object: 'email_address', email_address: 'dana@acme.test' }],
    created_at: 1_695_000_000_000,
    updated_at: 1_695_000_000_000,
    ...overrides,
  };
}
