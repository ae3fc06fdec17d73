package io.chatload.sandbox;

/** How much data the sandbox generates: from a quick unit-test account to one worth benchmarking. */
public enum Scale {
    TINY(3, 12, 2, 8, 4),
    SMALL(8, 180, 3, 40, 15),
    MEDIUM(25, 2_500, 5, 250, 60),
    LARGE(60, 20_000, 10, 1_000, 200);

    private final int operators;
    private final int visitors;
    private final int bots;
    private final int botUsers;
    private final int botDialogs;

    Scale(int operators, int visitors, int bots, int botUsers, int botDialogs) {
        this.operators = operators;
        this.visitors = visitors;
        this.bots = bots;
        this.botUsers = botUsers;
        this.botDialogs = botDialogs;
    }

    public int operators() {
        return operators;
    }

    public int visitors() {
        return visitors;
    }

    public int bots() {
        return bots;
    }

    /** Chatforma subscribers per bot, deleted ones included. */
    public int botUsers() {
        return botUsers;
    }

    /** Open Chatforma dialogs per bot. */
    public int botDialogs() {
        return botDialogs;
    }

    /** Reads a scale name as a user types it on the command line, ignoring case. */
    public static Scale parse(String s) {
        return Choices.parse(Scale.class, "scale", s);
    }
}
