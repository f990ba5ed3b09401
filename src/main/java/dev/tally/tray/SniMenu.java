package dev.tally.tray;

import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tray menu as {@code com.canonical.dbusmenu} reads it: properties and the layout tree. Stateless. */
final class SniMenu {
    private SniMenu() {
    }

    /** The menu's own properties (protocol version 3). */
    static Map<String, Variant<?>> menuProperties() {
        Map<String, Variant<?>> p = new LinkedHashMap<>();
        p.put("Version", new Variant<>(new UInt32(3)));
        p.put("TextDirection", new Variant<>("ltr"));
        p.put("Status", new Variant<>("normal"));
        p.put("IconThemePath", new Variant<>(List.of(), "as"));
        return p;
    }

    /** A menu label as dbusmenu reads it: an underscore marks a mnemonic, so a real one is doubled. */
    static String label(String text) {
        return text.replace("_", "__");
    }

    /** The properties of menu item {@code id} (1-based index into the menu; 0 is the root). */
    static Map<String, Variant<?>> entryProperties(TrayMenu.Entry e) {
        Map<String, Variant<?>> p = new LinkedHashMap<>();
        switch (e) {
            case TrayMenu.Info info -> {
                p.put("label", new Variant<>(label(info.text())));
                p.put("enabled", new Variant<>(false));
            }
            case TrayMenu.Row row -> {
                p.put("label", new Variant<>(label(row.text())));
                p.put("enabled", new Variant<>(true));
            }
            case TrayMenu.Action action -> {
                p.put("label", new Variant<>(label(action.text())));
                p.put("enabled", new Variant<>(action.enabled()));
            }
            case TrayMenu.Separator separator -> p.put("type", new Variant<>("separator"));
        }
        p.put("visible", new Variant<>(true));
        return p;
    }

    static Map<String, Variant<?>> only(Map<String, Variant<?>> all, List<String> names) {
        if (names == null || names.isEmpty()) {
            return all;
        }
        Map<String, Variant<?>> out = new LinkedHashMap<>();
        for (String n : names) {
            if (all.containsKey(n)) {
                out.put(n, all.get(n));
            }
        }
        return out;
    }

    static Map<String, Variant<?>> rootProperties() {
        Map<String, Variant<?>> p = new LinkedHashMap<>();
        p.put("children-display", new Variant<>("submenu"));
        return p;
    }

    /** The layout tree of {@code menu}: the root (id 0) and one child per entry (ids 1…n). */
    static SniBus.Layout layout(List<TrayMenu.Entry> menu, int parentId, int depth, List<String> names) {
        if (parentId != 0) {
            if (parentId < 1 || parentId > menu.size()) {
                throw new DBusExecutionException("no menu item " + parentId);
            }
            return new SniBus.Layout(parentId, only(entryProperties(menu.get(parentId - 1)), names), List.of());
        }
        List<Variant<?>> children = new ArrayList<>();
        if (depth != 0) {
            for (int i = 0; i < menu.size(); i++) {
                SniBus.Layout child = new SniBus.Layout(i + 1, only(entryProperties(menu.get(i)), names), List.of());
                children.add(new Variant<>(child, SniBus.Layout.SIGNATURE));
            }
        }
        return new SniBus.Layout(0, only(rootProperties(), names), children);
    }
}
