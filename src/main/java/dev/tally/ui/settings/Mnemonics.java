package dev.tally.ui.settings;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;

import java.util.HashSet;
import java.util.Set;

/** Alt+letter shortcuts for labels the window does not know in advance (provider-declared fields). FX thread. */
final class Mnemonics {
    private Mnemonics() {
    }

    /** The letters already used by mnemonic labels, buttons and check boxes under {@code root} (skins not needed). */
    static Set<Character> taken(Node root) {
        Set<Character> out = new HashSet<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, Set<Character> out) {
        if (n instanceof Labeled l && l.isMnemonicParsing() && l.getText() != null) {
            int at = l.getText().indexOf('_');
            if (at >= 0 && at + 1 < l.getText().length()) {
                out.add(Character.toLowerCase(l.getText().charAt(at + 1)));
            }
        }
        switch (n) {
            case TabPane t -> t.getTabs().stream().map(Tab::getContent).filter(c -> c != null).forEach(c -> collect(c, out));
            case ScrollPane s when s.getContent() != null -> collect(s.getContent(), out);
            case TitledPane p when p.getContent() != null -> collect(p.getContent(), out);
            default -> {
            }
        }
        if (n instanceof Parent p && !(n instanceof TabPane) && !(n instanceof ScrollPane) && !(n instanceof TitledPane)) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    /**
     * {@code label} with an underscore before a free letter, preferring the start of a word ("Account id" with A taken:
     * "Account _id"), and takes that letter; the label as it is when every letter is taken.
     */
    static String pick(String label, Set<Character> taken) {
        int best = -1;
        for (int i = 0; i < label.length() && best < 0; i++) {
            boolean wordStart = i == 0 || label.charAt(i - 1) == ' ';
            if (wordStart && free(label.charAt(i), taken)) {
                best = i;
            }
        }
        for (int i = 0; i < label.length() && best < 0; i++) {
            if (free(label.charAt(i), taken)) {
                best = i;
            }
        }
        if (best < 0) {
            return label.replace("_", "__");
        }
        taken.add(Character.toLowerCase(label.charAt(best)));
        return label.substring(0, best) + "_" + label.substring(best);
    }

    private static boolean free(char c, Set<Character> taken) {
        return Character.isLetterOrDigit(c) && !taken.contains(Character.toLowerCase(c));
    }
}
