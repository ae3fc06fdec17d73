package io.chatload.sandbox;

import java.util.List;

/**
 * What people write in the shop's chats, in the languages of its audience. Some lines carry emoji outside the BMP,
 * line breaks, quotes and a URL on purpose: a loader must store them unchanged.
 */
final class ChatTexts {
    static final List<String> VISITOR_OPENERS = List.of(
            "Hi, is shipping free?",
            "Hello! Where is my order #48213?",
            "Здравствуйте! Есть ли эта куртка в размере M?",
            "Hallo, kann ich die Bestellung noch ändern?",
            "Bonjour, livrez-vous en Belgique ?",
            "Hola, ¿tienen tienda física en Madrid?",
            "您好，这个可以寄到上海吗？",
            "hey can i return shoes i already wore once?",
            "The checkout page keeps saying \"payment declined\" 😕",
            "Добрый день. Не пришёл чек на почту",
            "Do you ship to the UK after Brexit?",
            "Is the promo code SPRING25 still valid?",
            "I was charged twice for the same order!!",
            "Olá, o tamanho 42 é grande ou pequeno?");
    static final List<String> VISITOR_REPLIES = List.of(
            "Thanks!", "ok", "Спасибо большое 🙏", "Danke, das hilft.", "Merci !", "Great, thank you 😊",
            "Order number is 48213", "Hmm, and how long does it take?", "Понятно, а если оплатить картой?",
            "Perfect.\nOne more thing: can I pay on delivery?", "It says 'address not found'", "👍");
    static final List<String> FOLLOW_UPS = List.of(
            "Hello? Anyone here?", "Алло?", "I'll wait", "Please call me back", "???");
    static final List<String> OPERATOR_REPLIES = List.of(
            "Hi! Yes, shipping is free on orders over $50.",
            "Let me check that for you, one moment please.",
            "Здравствуйте! Да, размер M есть в наличии.",
            "Your order left our warehouse yesterday, here is the tracking link: https://track.lumenshop.io/LS48213",
            "Natürlich, ich habe die Adresse geändert.",
            "Oui, nous livrons en Belgique sous 3 à 5 jours.",
            "I'm sorry about that! I've refunded the duplicate charge, it will show in 3–5 business days.",
            "Returns are free within 30 days if the item is unworn.",
            "Чек отправили повторно, проверьте, пожалуйста, папку «Спам».",
            "The code expired on Sunday, but I can give you 10% off instead 🎁",
            "Anything else I can help with?",
            "您好，可以寄到上海，大约需要7天。");
    static final List<String> TRIGGER_MESSAGES = List.of(
            "👋 Need help choosing a size? Ask us!",
            "Free shipping on orders over $50 today only",
            "Есть вопросы? Мы онлайн!",
            "Still there? Your cart is waiting 🛒");
    static final List<String> TRIGGER_NAMES = List.of(
            "Welcome greeting", "Free shipping banner", "Приветствие RU", "Abandoned cart");
    static final List<String> EMAIL_PROMPTS = List.of(
            "We're offline right now. Leave your e-mail and we'll reply soon.",
            "Оставьте e-mail, и мы ответим вам позже.");
    /** "url|title" of pages a visitor opens. */
    static final List<String> PAGES = List.of(
            "https://lumenshop.io/|Lumen Shop — running gear",
            "https://lumenshop.io/pricing|Pricing",
            "https://lumenshop.io/catalog/jackets?color=black&size=m|Jackets — Lumen Shop",
            "https://lumenshop.io/checkout|Checkout",
            "https://lumenshop.io/orders/48213|Order #48213",
            "https://lumenshop.io/help/returns|Returns & refunds",
            "https://lumenshop.de/versand|Versand und Lieferung",
            "https://lumenshop.ru/dostavka|Доставка и оплата");

    static final List<String> BOT_CLIENT_MESSAGES = List.of(
            "/start", "Меню", "Где мой заказ?", "Хочу оформить возврат", "Оператора, пожалуйста",
            "Сколько стоит доставка в Казань?", "Hi", "order status", "1", "2", "Спасибо!", "👍",
            "Можно оплатить при получении?", "Не работает промокод VESNA25 😡");
    static final List<String> BOT_REPLIES = List.of(
            "Здравствуйте! Выберите раздел:\n1. Заказы\n2. Доставка\n3. Возврат",
            "Введите номер заказа, например 48213",
            "Ваш заказ передан в доставку 🚚",
            "Доставка по России — от 299 ₽, бесплатно от 5000 ₽.",
            "Соединяю с оператором, подождите немного…",
            "Hello! Choose an option: 1 — orders, 2 — delivery",
            "Промокод действует до конца месяца.",
            "Спасибо за обращение! Оцените нас от 1 до 5 ⭐",
            "Оплата при получении доступна для заказов до 30 000 ₽.");

    private ChatTexts() {
    }
}
