package io.chatload.sandbox;

import java.util.List;

/**
 * Where a generated person lives. Everything about them that depends on the place (script of the name, phone
 * format, e-mail providers, browser language, the city in an auto-generated visitor name) comes from here, so one
 * record stays self-consistent. Weights roughly follow the audience of a European online shop.
 */
enum Region {
    US("United States", "US", "en-US", 16, NameOrder.GIVEN_FIRST, "+1 (N##) N##-####",
            "New York,Austin,Seattle,Chicago,Denver,Boston,San Diego",
            "gmail.com,outlook.com,yahoo.com,icloud.com,hotmail.com",
            "Emily,Sarah,Jessica,Megan,Olivia,Ashley,Madison,Hannah",
            "Michael,David,Daniel,Christopher,Ryan,Tyler,Brandon,Justin",
            "Johnson,Williams,Brown,Miller,Davis,Rodriguez,Wilson,Anderson,Thompson,Martinez", ""),
    GB("United Kingdom", "GB", "en-GB", 10, NameOrder.GIVEN_FIRST, "+44 7### ######",
            "London,Manchester,Bristol,Leeds,Edinburgh,Glasgow",
            "gmail.com,outlook.com,btinternet.com,yahoo.co.uk",
            "Amelia,Isla,Sophie,Charlotte,Grace,Poppy",
            "Oliver,Harry,George,Jack,Alfie,Thomas",
            "Smith,Taylor,Evans,Hughes,O'Brien=obrien,Clarke,Wright,Patel,Robinson", ""),
    RU("Russia", "RU", "ru-RU", 16, NameOrder.GIVEN_FIRST, "+7 9## ###-##-##",
            "Moscow,Saint Petersburg,Kazan,Novosibirsk,Yekaterinburg,Nizhny Novgorod",
            "yandex.ru,mail.ru,gmail.com,rambler.ru,bk.ru",
            "Анна=anna,Екатерина=ekaterina,Ольга=olga,Юлия=yulia,Мария=maria,Наталья=natalya,Татьяна=tatyana,"
                    + "Ксения=ksenia",
            "Дмитрий=dmitry,Сергей=sergey,Алексей=alexey,Иван=ivan,Андрей=andrey,Михаил=mikhail,Никита=nikita,"
                    + "Артём=artem",
            "Смирнов=smirnov,Иванов=ivanov,Кузнецов=kuznetsov,Попов=popov,Соколов=sokolov,Лебедев=lebedev,"
                    + "Новиков=novikov,Морозов=morozov,Волков=volkov,Фёдоров=fedorov", "а=a"),
    UA("Ukraine", "UA", "uk-UA", 5, NameOrder.GIVEN_FIRST, "+380 6# ### ## ##",
            "Kyiv,Lviv,Kharkiv,Odesa,Dnipro",
            "ukr.net,gmail.com,i.ua",
            "Олена=olena,Ірина=iryna,Оксана=oksana,Юлія=yuliia,Наталія=nataliia",
            "Андрій=andrii,Тарас=taras,Олександр=oleksandr,Дмитро=dmytro,Богдан=bohdan",
            "Шевченко=shevchenko,Коваленко=kovalenko,Бондаренко=bondarenko,Ткаченко=tkachenko,Мельник=melnyk,"
                    + "Кравчук=kravchuk", ""),
    DE("Germany", "DE", "de-DE", 10, NameOrder.GIVEN_FIRST, "+49 17# #######",
            "Berlin,Munich,Hamburg,Cologne,Frankfurt am Main,Düsseldorf",
            "gmx.de,web.de,gmail.com,t-online.de",
            "Anna,Lena,Sophie,Katharina,Jana,Lea",
            "Lukas,Jonas,Jürgen=juergen,Felix,Maximilian,Stefan",
            "Müller=mueller,Schmidt,Schneider,Fischer,Weiß=weiss,Schäfer=schaefer,Becker,Hoffmann,Groß=gross", ""),
    FR("France", "FR", "fr-FR", 8, NameOrder.GIVEN_FIRST, "+33 6 ## ## ## ##",
            "Paris,Lyon,Marseille,Toulouse,Nantes,Lille",
            "orange.fr,free.fr,gmail.com,laposte.net",
            "Camille,Léa,Chloé,Manon,Hélène,Élodie,Inès",
            "Lucas,Hugo,Théo,Louis,Julien,François,Jérôme",
            "Martin,Bernard,Dubois,Lefèvre,Moreau,Girard,Rousseau,Faure", ""),
    ES("Spain", "ES", "es-ES", 7, NameOrder.GIVEN_FIRST, "+34 6## ### ###",
            "Madrid,Barcelona,Valencia,Seville,Málaga,Bilbao",
            "gmail.com,hotmail.es,yahoo.es,outlook.es",
            "María,Lucía,Carmen,Sofía,Paula,Elena",
            "José,Javier,Alejandro,Pablo,Álvaro,Sergio",
            "García,Martínez,López,Sánchez,Pérez,Gómez,Fernández,Muñoz", ""),
    BR("Brazil", "BR", "pt-BR", 7, NameOrder.GIVEN_FIRST, "+55 11 9####-####",
            "São Paulo,Rio de Janeiro,Belo Horizonte,Curitiba,Porto Alegre",
            "gmail.com,uol.com.br,hotmail.com,bol.com.br",
            "Ana,Beatriz,Júlia,Larissa,Camila,Fernanda",
            "João,Gabriel,Rafael,Lucas,Thiago,Mateus",
            "Silva,Santos,Oliveira,Souza,Gonçalves,Araújo,Pereira,Rodrigues", ""),
    PL("Poland", "PL", "pl-PL", 5, NameOrder.GIVEN_FIRST, "+48 5## ### ###",
            "Warsaw,Kraków,Wrocław,Gdańsk,Poznań",
            "wp.pl,o2.pl,gmail.com,interia.pl",
            "Agnieszka,Katarzyna,Małgorzata=malgorzata,Zofia,Joanna",
            "Łukasz=lukasz,Piotr,Paweł=pawel,Krzysztof,Tomasz",
            "Nowak,Wójcik,Kowalczyk,Mazur,Krawczyk,Woźniak,Kaczmarek", ""),
    JP("Japan", "JP", "ja-JP", 6, NameOrder.FAMILY_FIRST, "+81 90-####-####",
            "Tokyo,Osaka,Yokohama,Kyoto,Sapporo,Fukuoka",
            "gmail.com,yahoo.co.jp,docomo.ne.jp,icloud.com",
            "花子=hanako,陽菜=hina,美咲=misaki,結衣=yui,さくら=sakura",
            "太郎=taro,翔太=shota,大輔=daisuke,健=ken,蓮=ren",
            "佐藤=sato,鈴木=suzuki,高橋=takahashi,田中=tanaka,渡辺=watanabe,山本=yamamoto,中村=nakamura", ""),
    CN("China", "CN", "zh-CN", 6, NameOrder.FAMILY_FIRST_UNSPACED, "+86 13# #### ####",
            "Shanghai,Beijing,Shenzhen,Guangzhou,Hangzhou,Chengdu",
            "qq.com,163.com,126.com,gmail.com",
            "芳=fang,静=jing,丽=li,婷=ting,雪=xue",
            "伟=wei,强=qiang,磊=lei,洋=yang,杰=jie",
            "王=wang,李=li,张=zhang,刘=liu,陈=chen,杨=yang,黄=huang", ""),
    AE("United Arab Emirates", "AE", "ar-AE", 4, NameOrder.GIVEN_FIRST, "+971 5# ### ####",
            "Dubai,Abu Dhabi,Sharjah",
            "gmail.com,outlook.com,emirates.net.ae",
            "فاطمة=fatima,مريم=maryam,نورة=noura,عائشة=aisha",
            "محمد=mohammed,أحمد=ahmed,خالد=khalid,عمر=omar,يوسف=yousef",
            "العلي=alali,الحسن=alhassan,المنصوري=almansoori,الشامسي=alshamsi,الهاشمي=alhashimi", "");

    /** How a full name is put together in the region's own script. */
    enum NameOrder { GIVEN_FIRST, FAMILY_FIRST, FAMILY_FIRST_UNSPACED }

    private final String country;
    private final String countryCode;
    private final String language;
    private final int weight;
    private final NameOrder nameOrder;
    private final String phonePattern;
    private final List<String> cities;
    private final List<String> emailDomains;
    private final List<NamePart> femaleNames;
    private final List<NamePart> maleNames;
    private final List<NamePart> familyNames;
    private final NamePart femaleFamilySuffix;

    Region(String country, String countryCode, String language, int weight, NameOrder nameOrder,
           String phonePattern, String cities, String emailDomains, String femaleNames, String maleNames,
           String familyNames, String femaleFamilySuffix) {
        this.country = country;
        this.countryCode = countryCode;
        this.language = language;
        this.weight = weight;
        this.nameOrder = nameOrder;
        this.phonePattern = phonePattern;
        this.cities = List.of(cities.split(","));
        this.emailDomains = List.of(emailDomains.split(","));
        this.femaleNames = NamePart.list(femaleNames);
        this.maleNames = NamePart.list(maleNames);
        this.familyNames = NamePart.list(familyNames);
        this.femaleFamilySuffix = femaleFamilySuffix.isEmpty()
                ? new NamePart("", "") : NamePart.list(femaleFamilySuffix).get(0);
    }

    /** Picks a region by weight. */
    static Region pick(SeededRandom random) {
        int total = 0;
        for (Region region : values()) {
            total += region.weight;
        }
        int roll = random.below(total);
        for (Region region : values()) {
            roll -= region.weight;
            if (roll < 0) {
                return region;
            }
        }
        throw new IllegalStateException("weights changed while picking");
    }

    String country() {
        return country;
    }

    String countryCode() {
        return countryCode;
    }

    /** A browser language tag, e.g. "ru-RU". */
    String language() {
        return language;
    }

    /** The two-letter UI language an operator picks, e.g. "ru". */
    String uiLanguage() {
        return language.substring(0, 2);
    }

    NameOrder nameOrder() {
        return nameOrder;
    }

    List<String> cities() {
        return cities;
    }

    List<String> emailDomains() {
        return emailDomains;
    }

    List<NamePart> givenNames(boolean female) {
        return female ? femaleNames : maleNames;
    }

    /** Family names in the form used for the given sex (Smirnov, Smirnova). */
    NamePart familyName(SeededRandom random, boolean female) {
        NamePart base = random.pick(familyNames);
        return female
                ? new NamePart(base.text() + femaleFamilySuffix.text(), base.latin() + femaleFamilySuffix.latin())
                : base;
    }

    /** A mobile number as people type it in a form: usually the national layout, sometimes all digits. */
    String phone(SeededRandom random) {
        StringBuilder out = new StringBuilder(phonePattern.length());
        for (char c : phonePattern.toCharArray()) {
            switch (c) {
                case '#' -> out.append(random.below(10));
                case 'N' -> out.append(random.between(2, 9));
                default -> out.append(c);
            }
        }
        String formatted = out.toString();
        return random.chance(0.25) ? formatted.replaceAll("[^+0-9]", "") : formatted;
    }
}
