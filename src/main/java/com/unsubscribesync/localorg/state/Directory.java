package com.unsubscribesync.localorg.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The org's users and profiles. User 0 is the local user the OAuth client and SOAP login act as. */
public final class Directory {
    public static final int LOCAL_USER = 0;

    /** One user of the org. */
    public record User(String username, String firstName, String lastName, String email, int profile, String userType) {
        public String fullName() {
            return firstName + " " + lastName;
        }
    }

    private final List<String> profileNames = new ArrayList<>();
    private final List<EnumSet<Permission>> grants = new ArrayList<>();
    private final List<Instant> profileModified = new ArrayList<>();
    private final List<User> users = new ArrayList<>();
    /** Permissions of the local user's profile injected as faults: they override the profile, never persisted. */
    private final Map<Permission, Boolean> injected = new ConcurrentHashMap<>();

    private final SchemaCatalog catalog;
    private final Instant created;

    public Directory(SchemaCatalog catalog, String localUsername, Instant created) {
        this.catalog = catalog;
        this.created = created;
        addProfile("System Administrator", EnumSet.complementOf(EnumSet.of(Permission.EDIT_CONVERTED_LEADS)));
        addProfile("Standard User", EnumSet.of(Permission.API_ENABLED));
        addProfile("Marketing User", EnumSet.of(Permission.API_ENABLED, Permission.EDIT_CONVERTED_LEADS));
        users.add(new User(localUsername, "Ada", "Integration", localUsername, 0, "Standard"));
        users.add(
                new User("sam.seller@localorg.example", "Sam", "Seller", "sam.seller@localorg.example", 1, "Standard"));
        users.add(new User(
                "mia.marketer@localorg.example", "Mia", "Marketer", "mia.marketer@localorg.example", 2, "Standard"));
    }

    private void addProfile(String name, EnumSet<Permission> permissions) {
        profileNames.add(name);
        grants.add(permissions);
        profileModified.add(created);
    }

    public User user(int row) {
        return users.get(row);
    }

    public String userId(int row) {
        return RecordIds.idOf("005", row);
    }

    public String profileId(int row) {
        return RecordIds.idOf("00e", row);
    }

    public String profileName(int row) {
        return profileNames.get(row);
    }

    public boolean has(int userRow, Permission permission) {
        return effective(users.get(userRow).profile()).contains(permission);
    }

    /** Grants or revokes a permission of the local user's profile until {@link #clearInjected}. */
    public void inject(Permission permission, boolean granted) {
        injected.put(permission, granted);
    }

    public void clearInjected() {
        injected.clear();
    }

    /** A profile's permissions with the injected ones applied to the local user's profile. */
    private EnumSet<Permission> effective(int profileRow) {
        EnumSet<Permission> granted = EnumSet.copyOf(grants.get(profileRow));
        if (profileRow == users.get(LOCAL_USER).profile()) {
            injected.forEach((permission, on) -> {
                if (on) {
                    granted.add(permission);
                } else {
                    granted.remove(permission);
                }
            });
        }
        return granted;
    }

    public Set<Permission> permissionsOfProfile(int profileRow) {
        return EnumSet.copyOf(grants.get(profileRow));
    }

    public int profileCount() {
        return profileNames.size();
    }

    public void setPermissionsOfProfile(int profileRow, Set<Permission> permissions) {
        EnumSet<Permission> granted = EnumSet.noneOf(Permission.class);
        granted.addAll(permissions);
        grants.set(profileRow, granted);
    }

    public void grant(int userRow, Permission permission, boolean granted, Instant when) {
        int profile = users.get(userRow).profile();
        if (granted) {
            grants.get(profile).add(permission);
        } else {
            grants.get(profile).remove(permission);
        }
        profileModified.set(profile, when);
    }

    public RecordTable users() {
        return new SmallTable(catalog.object("User").orElseThrow(), users.size(), "005") {
            @Override
            public Object value(int row, FieldDef field) {
                User user = users.get(row);
                return switch (field.name()) {
                    case "Id" -> userId(row);
                    case "Username" -> user.username();
                    case "LastName" -> user.lastName();
                    case "FirstName" -> user.firstName();
                    case "Name" -> user.fullName();
                    case "Email" -> user.email();
                    case "IsActive" -> Boolean.TRUE;
                    case "ProfileId" -> profileId(user.profile());
                    case "UserType" -> user.userType();
                    default -> created;
                };
            }
        };
    }

    public RecordTable profiles() {
        return new SmallTable(catalog.object("Profile").orElseThrow(), profileNames.size(), "00e") {
            @Override
            public Object value(int row, FieldDef field) {
                return switch (field.name()) {
                    case "Id" -> profileId(row);
                    case "Name" -> profileNames.get(row);
                    case "LastModifiedDate", "SystemModstamp" -> profileModified.get(row);
                    default -> permissionValue(effective(row), field);
                };
            }
        };
    }

    /** The single row UserPermissionAccess shows: the permissions of the user who asks. */
    public RecordTable permissionAccessOf(int userRow) {
        EnumSet<Permission> granted = effective(users.get(userRow).profile());
        return new SmallTable(catalog.object("UserPermissionAccess").orElseThrow(), 1, null) {
            @Override
            public Object value(int row, FieldDef field) {
                return field.name().equals("Id") ? null : permissionValue(granted, field);
            }
        };
    }

    private static Object permissionValue(Set<Permission> granted, FieldDef field) {
        for (Permission permission : Permission.values()) {
            if (permission.fieldName().equals(field.name())) {
                return granted.contains(permission);
            }
        }
        throw new IllegalArgumentException("no column for " + field.name());
    }

    private abstract static class SmallTable implements RecordTable {
        private final ObjectSchema schema;
        private final int size;
        private final String prefix;

        SmallTable(ObjectSchema schema, int size, String prefix) {
            this.schema = schema;
            this.size = size;
            this.prefix = prefix;
        }

        @Override
        public ObjectSchema schema() {
            return schema;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public String id(int row) {
            return prefix == null ? null : RecordIds.idOf(prefix, row);
        }

        @Override
        public int rowOf(String id) {
            int row = prefix == null ? -1 : RecordIds.rowOf(prefix, id);
            return row < size ? row : -1;
        }

        @Override
        public boolean isDeleted(int row) {
            return false;
        }
    }
}
