package io.chatload.cli;

public final class Chatload {
    public static void main(String[] args) {
        System.out.println("chatload");
    }
}
