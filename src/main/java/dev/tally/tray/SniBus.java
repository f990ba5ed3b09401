package dev.tally.tray;

import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.Tuple;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

import java.util.List;
import java.util.Map;

/**
 * The D-Bus interfaces of a StatusNotifierItem tray: the item ({@code org.kde.StatusNotifierItem}), its menu
 * ({@code com.canonical.dbusmenu}) and the watcher the item registers with ({@code org.kde.StatusNotifierWatcher}).
 * Public only because dbus-java builds proxies and exports objects from them; the Java method names are the D-Bus
 * member names. Properties are served through {@link org.freedesktop.dbus.interfaces.Properties}.
 */
public final class SniBus {
    public static final String WATCHER = "org.kde.StatusNotifierWatcher";
    public static final String WATCHER_PATH = "/StatusNotifierWatcher";
    public static final String ITEM = "org.kde.StatusNotifierItem";
    public static final String ITEM_PATH = "/StatusNotifierItem";
    public static final String MENU = "com.canonical.dbusmenu";
    public static final String MENU_PATH = "/MenuBar";

    private SniBus() {
    }

    /** The watcher, as the panel (or {@code status-notifier-watcher}) exports it. */
    @DBusInterfaceName(WATCHER)
    public interface Watcher extends DBusInterface {
        void RegisterStatusNotifierItem(String service);

        void RegisterStatusNotifierHost(String service);
    }

    /** The item's methods and signals. */
    @DBusInterfaceName(ITEM)
    public interface Item extends DBusInterface {
        void Activate(int x, int y);

        void SecondaryActivate(int x, int y);

        void ContextMenu(int x, int y);

        void Scroll(int delta, String orientation);

        /** The icon changed. */
        class NewIcon extends DBusSignal {
            public NewIcon(String path) throws DBusException {
                super(path);
            }
        }

        /** The attention icon changed. */
        class NewAttentionIcon extends DBusSignal {
            public NewAttentionIcon(String path) throws DBusException {
                super(path);
            }
        }

        /** The tooltip changed. */
        class NewToolTip extends DBusSignal {
            public NewToolTip(String path) throws DBusException {
                super(path);
            }
        }

        /** The title changed. */
        class NewTitle extends DBusSignal {
            public NewTitle(String path) throws DBusException {
                super(path);
            }
        }

        /** The status changed: {@code Active}, {@code Passive} or {@code NeedsAttention}. */
        class NewStatus extends DBusSignal {
            public final String status;

            public NewStatus(String path, String status) throws DBusException {
                super(path, status);
                this.status = status;
            }
        }
    }

    /** One icon image: width, height and ARGB32 pixels in network byte order ({@code (iiay)}). */
    public static final class Pixmap extends Struct {
        @Position(0)
        public final int width;
        @Position(1)
        public final int height;
        @Position(2)
        public final byte[] data;

        public Pixmap(int width, int height, byte[] data) {
            this.width = width;
            this.height = height;
            this.data = data;
        }
    }

    /** The tooltip: icon name, icon images, title and text ({@code (sa(iiay)ss)}). */
    public static final class ToolTip extends Struct {
        @Position(0)
        public final String iconName;
        @Position(1)
        public final List<Pixmap> icon;
        @Position(2)
        public final String title;
        @Position(3)
        public final String text;

        public ToolTip(String iconName, List<Pixmap> icon, String title, String text) {
            this.iconName = iconName;
            this.icon = icon;
            this.title = title;
            this.text = text;
        }
    }

    /** The menu, as {@code com.canonical.dbusmenu} (protocol version 3) describes it. */
    @DBusInterfaceName(MENU)
    public interface Menu extends DBusInterface {
        Reply<UInt32, Layout> GetLayout(int parentId, int recursionDepth, List<String> propertyNames);

        List<ItemProperties> GetGroupProperties(List<Integer> ids, List<String> propertyNames);

        Variant<?> GetProperty(int id, String name);

        void Event(int id, String eventId, Variant<?> data, UInt32 timestamp);

        List<Integer> EventGroup(List<MenuEvent> events);

        boolean AboutToShow(int id);

        Reply<List<Integer>, List<Integer>> AboutToShowGroup(List<Integer> ids);

        /** The whole layout below {@code parent} changed; ask again with {@link #GetLayout}. */
        class LayoutUpdated extends DBusSignal {
            public final UInt32 revision;
            public final int parent;

            public LayoutUpdated(String path, UInt32 revision, int parent) throws DBusException {
                super(path, revision, parent);
                this.revision = revision;
                this.parent = parent;
            }
        }

        /** Some items' properties changed ({@code a(ia{sv})}) or were removed ({@code a(ias)}). */
        class ItemsPropertiesUpdated extends DBusSignal {
            public final List<ItemProperties> updated;
            public final List<RemovedProperties> removed;

            public ItemsPropertiesUpdated(String path, List<ItemProperties> updated, List<RemovedProperties> removed)
                    throws DBusException {
                super(path, updated, removed);
                this.updated = updated;
                this.removed = removed;
            }
        }
    }

    /** One menu item with its children ({@code (ia{sv}av)}); the children are variants of this same struct. */
    public static final class Layout extends Struct {
        public static final String SIGNATURE = "(ia{sv}av)";
        @Position(0)
        public final int id;
        @Position(1)
        public final Map<String, Variant<?>> properties;
        @Position(2)
        public final List<Variant<?>> children;

        public Layout(int id, Map<String, Variant<?>> properties, List<Variant<?>> children) {
            this.id = id;
            this.properties = properties;
            this.children = children;
        }
    }

    /**
     * Two out arguments of a method, e.g. {@code GetLayout}'s revision and tree. dbus-java reads the out types from
     * the type arguments, so a reply is always declared with them.
     */
    public static final class Reply<A, B> extends Tuple {
        @Position(0)
        public final A first;
        @Position(1)
        public final B second;

        public Reply(A first, B second) {
            this.first = first;
            this.second = second;
        }
    }

    /** An item's id and properties ({@code (ia{sv})}). */
    public static final class ItemProperties extends Struct {
        @Position(0)
        public final int id;
        @Position(1)
        public final Map<String, Variant<?>> properties;

        public ItemProperties(int id, Map<String, Variant<?>> properties) {
            this.id = id;
            this.properties = properties;
        }
    }

    /** An item's id and the names of properties it no longer has ({@code (ias)}). */
    public static final class RemovedProperties extends Struct {
        @Position(0)
        public final int id;
        @Position(1)
        public final List<String> names;

        public RemovedProperties(int id, List<String> names) {
            this.id = id;
            this.names = names;
        }
    }

    /** One event of {@code EventGroup} ({@code (isvu)}). */
    public static final class MenuEvent extends Struct {
        @Position(0)
        public final int id;
        @Position(1)
        public final String eventId;
        @Position(2)
        public final Variant<?> data;
        @Position(3)
        public final UInt32 timestamp;

        public MenuEvent(int id, String eventId, Variant<?> data, UInt32 timestamp) {
            this.id = id;
            this.eventId = eventId;
            this.data = data;
            this.timestamp = timestamp;
        }
    }

    /** The object path of the menu, for the item's {@code Menu} property. */
    static DBusPath menuPath() {
        return new DBusPath(MENU_PATH);
    }
}
