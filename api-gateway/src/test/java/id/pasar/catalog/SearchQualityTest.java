package id.pasar.catalog;

import static id.pasar.catalog.CatalogFixtures.listing;
import static id.pasar.catalog.CatalogFixtures.publishedListing;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures.Seller;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Search quality: what a shopper finds for real queries over a small shelf of real
 * products, and in which order. The shelf is seeded once through the API; every query is
 * asked over HTTP as the app asks it. Other test classes publish into the same database,
 * so every assertion looks only at the listings this class seeded, in the order the API
 * returned them (others may sit in between).
 *
 * <p>
 * Expectations were checked against what PostgreSQL 17's {@code indonesian} snowball
 * stemmer and pg_trgm really do (docs/search.md), not against what one would wish:
 * "kemeja" stems to "meja", "keripik" to "ripik" while "kripik" stays "kripik", so
 * queries that behave badly are not here but listed as known limits in docs/search.md.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchQualityTest {

    // Licence numbers of the forms the publishing rules accept, per regulated category
    // kind.
    private static final String FOOD_MD = "MD 224510001234";

    private static final String FOOD_PIRT = "P-IRT 206327101023225";

    private static final String COSMETICS = "NA18150900279";

    private static final String TRADITIONAL_MEDICINE = "TR072224589";

    private static final String TOY_SNI = "SNI 8124:2015";

    private static final String ELECTRICAL_SNI = "SNI IEC 60335-1:2009";

    record Seed(String key, String title, String description, String categoryCode, long priceIdr, String regency,
            String licence) {
    }

    private static Seed seed(String key, String title, String description, String categoryCode, long priceIdr,
            String regency, String licence) {
        return new Seed(key, title, description, categoryCode, priceIdr, regency, licence);
    }

    /**
     * The shelf, in the order it is published (so "newest" is this list backwards).
     * Prices are all distinct.
     */
    static final List<Seed> SHELF = List.of(
            seed("batikTulisPekalongan", "Kain Batik Tulis Pekalongan Motif Jlamprang",
                    "Batik tulis tangan asli Pekalongan, katun primisima 2 x 1,15 meter, pewarna alami.", "batik-kain",
                    850_000, "33.26", null),
            seed("batikCapSolo", "Kain Batik Cap Solo Motif Parang Rusak",
                    "Dicap dengan canting cap tembaga, katun prima 2 meter. Cocok untuk seragam kantor.", "batik-kain",
                    165_000, "33.72", null),
            seed("batikMegaMendung", "Kain Batik Tulis Mega Mendung Cirebon",
                    "Batik tulis khas Cirebon bergradasi biru, katun primisima.", "batik-kain", 725_000, "32.09", null),
            seed("tenunSumba", "Kain Tenun Ikat Sumba Motif Kuda",
                    "Ditenun tangan di Sumba Timur dengan pewarna alami akar mengkudu dan nila, 180 x 60 cm.",
                    "batik-kain", 1_950_000, "53.11", null),
            seed("songket", "Songket Palembang Benang Emas Motif Lepus",
                    "Kain tenunan tangan untuk acara pernikahan adat, lengkap dengan selendang.", "batik-kain",
                    2_400_000, "16.71", null),
            seed("kemejaKawung", "Kemeja Batik Pria Lengan Panjang Motif Kawung",
                    "Batik cap katun dengan furing, ukuran M sampai XXL.", "pakaian-pria", 189_000, "33.75", null),
            seed("kemejaPendek", "Kemeja Batik Pria Lengan Pendek Slimfit",
                    "Bahan katun rayon, adem untuk dipakai harian ke kantor.", "pakaian-pria", 125_000, "33.72", null),
            seed("kaosPolos", "Kaos Polos Pria Cotton Combed 30s",
                    "Kaos lengan pendek, jahitan rantai, sablon bisa request.", "pakaian-pria", 55_000, "32.73", null),
            seed("dasterRayon", "Daster Batik Rayon Jumbo Busui",
                    "Daster adem busui friendly, motif batik pekalongan, lingkar dada 120 cm.", "pakaian-wanita",
                    45_000, "33.75", null),
            seed("blouseTenun", "Blouse Tenun Ikat Wanita Lengan Balon",
                    "Atasan wanita dari kain tenun ikat Lombok, kancing depan.", "pakaian-wanita", 235_000, "52.02",
                    null),
            seed("hijabVoal", "Hijab Segi Empat Voal Motif Bunga",
                    "Kerudung voal premium 115 x 115 cm, tepi dijahit neci, tidak menerawang.", "busana-muslim", 39_000,
                    "32.73", null),
            seed("pashmina", "Pashmina Ceruti Baby Doll Polos",
                    "Kerudung panjang 175 x 75 cm bahan ceruti, mudah dibentuk.", "busana-muslim", 35_000, "35.78",
                    null),
            seed("mukenaBordir", "Mukena Katun Bordir Tasikmalaya",
                    "Mukena dewasa dengan bordir tangan khas Tasik, bahan katun rayon adem.", "busana-muslim", 285_000,
                    "32.06", null),
            seed("sepatuGarut", "Sepatu Kulit Garut Pantofel Pria",
                    "Pantofel kulit sapi asli buatan pengrajin Garut, sol karet anti slip.", "sepatu-sandal", 375_000,
                    "32.05", null),
            seed("sandalSelop", "Sandal Selop Wanita Kulit Domba",
                    "Selop dijahit tangan, alas empuk, ukuran 36 sampai 41.", "sepatu-sandal", 149_000, "32.05", null),
            seed("dompetKulit", "Dompet Kulit Pria Lipat Dua",
                    "Dompet kulit sapi asli, jahitan tangan, muat 8 kartu dan uang kertas.", "tas-dompet", 125_500,
                    "32.05", null),
            seed("tasRotanBali", "Tas Rotan Bulat Bali",
                    "Tas selempang anyaman rotan ata dengan tutup kulit, buatan Bali.", "tas-dompet", 210_000, "51.04",
                    null),
            seed("tasPandan", "Tas Anyaman Pandan Tasikmalaya",
                    "Tas jinjing dari daun pandan, dilapisi kain furing dan resleting.", "tas-dompet", 95_000, "32.06",
                    null),
            seed("keripikBalado", "Keripik Singkong Balado Pedas",
                    "Keripik singkong khas Padang dengan bumbu cabai merah, 250 gram.", "makanan-ringan", 28_000,
                    "13.71", FOOD_MD),
            seed("keripikTempe", "Keripik Tempe Sagu Khas Malang",
                    "Keripik tempe tipis renyah, oleh-oleh khas Malang, 200 gram.", "makanan-ringan", 22_000, "35.07",
                    FOOD_PIRT),
            seed("nastar", "Kue Nastar Nanas Premium",
                    "Kue kering isi selai nanas homemade, mentega wijsman, toples 500 gram.", "kue-roti", 135_000,
                    "31.74", FOOD_PIRT),
            seed("lapisLegit", "Kue Lapis Legit Original",
                    "Lapis legit 20 x 20 cm dengan rempah spekuk, tahan 2 minggu.", "kue-roti", 285_500, "31.71",
                    FOOD_MD),
            seed("rendangSapi", "Rendang Daging Sapi Khas Padang",
                    "Rendang kering dimasak 8 jam dengan santan dan rempah, kemasan vakum beku.", "makanan-beku",
                    165_500, "13.71", FOOD_MD),
            seed("bumbuRendang", "Bumbu Rendang Instan", "Bumbu siap masak untuk 1 kg daging, tanpa pengawet.",
                    "sambal-bumbu", 18_000, "13.71", FOOD_PIRT),
            seed("sambalBawang", "Sambal Bawang Pedas Botol 200 gram",
                    "Cabai rawit dan bawang putih goreng dengan minyak, tanpa MSG.", "sambal-bumbu", 32_000, "35.78",
                    FOOD_PIRT),
            seed("sambalRoa", "Sambal Roa Manado", "Sambal ikan roa asap, pedas gurih, botol 150 gram.", "sambal-bumbu",
                    48_000, "71.71", FOOD_MD),
            seed("kopiGayo", "Kopi Gayo Arabika Biji Sangrai 250 gram",
                    "Dari dataran tinggi Aceh Tengah, proses full wash, roasting medium.", "kopi-teh", 95_500, "11.04",
                    FOOD_MD),
            seed("kopiTemanggung", "Kopi Robusta Temanggung Bubuk",
                    "Kopi bubuk robusta petani lereng Sindoro, giling halus untuk kopi tubruk.", "kopi-teh", 65_000,
                    "33.23", FOOD_PIRT),
            seed("tehTubruk", "Teh Tubruk Wangi Melati", "Teh hitam dengan bunga melati khas Tegal, 100 gram.",
                    "kopi-teh", 15_000, "33.28", FOOD_MD),
            seed("lulur", "Lulur Mandi Tradisional Bengkoang",
                    "Lulur beras dan bengkoang untuk perawatan kulit, 200 gram.", "perawatan-kulit", 45_500, "34.71",
                    COSMETICS),
            seed("minyakKemiri", "Minyak Kemiri Penumbuh Rambut",
                    "Minyak kemiri murni untuk rambut tebal dan hitam, 100 ml.", "perawatan-rambut", 35_500, "33.72",
                    "NA18150900280"),
            seed("jamuKunyit", "Jamu Kunyit Asam Serbuk", "Jamu tradisional kunyit asam, 10 sachet.", "jamu-herbal",
                    25_000, "33.11", TRADITIONAL_MEDICINE),
            seed("jamuKencur", "Jamu Beras Kencur Instan", "Minuman tradisional beras kencur, 10 sachet.",
                    "jamu-herbal", 22_500, "33.11", "TR072224590"),
            seed("cobek", "Cobek Batu Kali Asli Muntilan",
                    "Cobek dan ulekan dari batu kali lereng Merapi, diameter 20 cm.", "peralatan-dapur", 85_000,
                    "33.08", null),
            seed("lampuBambu", "Lampu Hias Gantung Anyaman Bambu",
                    "Kap lampu hias dari bambu yang dianyam, diameter 40 cm.", "dekorasi-rumah", 175_000, "34.02",
                    null),
            seed("mejaJati", "Meja Makan Kayu Jati Jepara",
                    "Meja makan jati solid dengan ukiran tangan, 6 kursi, finishing natural.", "furnitur", 8_500_000,
                    "33.20", null),
            seed("vasKasongan", "Gerabah Kasongan Vas Bunga Tanah Liat",
                    "Vas buatan pengrajin Kasongan, Bantul, tinggi 50 cm.", "gerabah-keramik", 120_000, "34.02", null),
            seed("guciPlered", "Guci Keramik Plered Purwakarta", "Guci tanah liat bakar dengan glasir, tinggi 40 cm.",
                    "gerabah-keramik", 350_000, "32.14", null),
            seed("reliefJepara", "Ukiran Jepara Relief Kayu Jati", "Relief motif pedesaan 120 x 60 cm, dipahat tangan.",
                    "ukiran-kayu", 2_750_000, "33.20", null),
            seed("patungGaruda", "Patung Garuda Kayu Suar Bali",
                    "Patung ukir tangan dari kayu suar utuh, tinggi 60 cm.", "ukiran-kayu", 650_000, "51.04", null),
            seed("keranjangPandan", "Keranjang Anyaman Pandan Serbaguna",
                    "Keranjang dari daun pandan duri yang dianyam tangan di Tasikmalaya.", "anyaman-rotan", 65_500,
                    "32.06", null),
            seed("kursiRotan", "Kursi Rotan Teras Set Minimalis",
                    "Dua kursi dan satu meja kecil rotan sintetis untuk teras.", "anyaman-rotan", 1_850_000, "32.09",
                    null),
            seed("cincinPerak", "Cincin Perak Kotagede Filigri",
                    "Cincin perak 925 buatan tangan pengrajin Kotagede, Yogyakarta.", "perhiasan-perak", 275_500,
                    "34.71", null),
            seed("kalungPerak", "Kalung Perak Bali Motif Jawan",
                    "Kalung perak sterling dengan teknik jawan, panjang 45 cm.", "perhiasan-perak", 450_000, "51.04",
                    null),
            seed("angklung", "Angklung Bambu Set 8 Nada", "Angklung diatonis dari bambu hitam, buatan Bandung.",
                    "alat-musik", 320_000, "32.73", null),
            // In the parent category itself, so a parent filter must find it as well as
            // its children's listings.
            seed("wayangKulit", "Wayang Kulit Arjuna Tatah Sungging",
                    "Wayang dari kulit kerbau, ditatah dan disungging tangan, tinggi 70 cm.", "kerajinan", 1_250_000,
                    "33.72", null),
            seed("balokKayu", "Mainan Edukasi Balok Kayu Anak",
                    "Balok susun kayu pinus 50 keping, cat aman untuk anak.", "mainan-anak", 145_000, "34.04", TOY_SNI),
            seed("congklak", "Congklak Kayu Jati Tradisional",
                    "Papan dakon lengkap dengan biji, permainan tradisional anak.", "mainan-anak", 95_800, "33.20",
                    TOY_SNI),
            seed("riceCooker", "Rice Cooker Mini 0,8 Liter", "Penanak nasi listrik 300 watt untuk anak kos.",
                    "elektronik-rumah", 225_000, "35.15", ELECTRICAL_SNI),
            seed("lampuTidur", "Lampu Tidur LED Kap Rotan", "Bohlam LED 5 watt, kabel 1,5 meter, kap anyaman rotan.",
                    "elektronik-rumah", 135_500, "32.09", ELECTRICAL_SNI),
            seed("casingBatik", "Casing HP Motif Batik Parang",
                    "Case silikon lentur bergambar parang, untuk berbagai tipe ponsel.", "aksesoris-gawai", 35_800,
                    "31.73", null),
            seed("bukuResep", "Buku Resep Masakan Padang",
                    "Kumpulan resep rendang, gulai, dendeng balado, dan sambal lado.", "buku-alat-tulis", 89_000,
                    "31.71", null));

    @LocalServerPort
    int port;

    Api api;

    /** Seed key to listing id, and back. */
    final Map<String, String> ids = new LinkedHashMap<>();

    final Map<String, String> keys = new HashMap<>();

    @BeforeAll
    void publishTheShelf() {
        api = new Api(port);
        ids.putAll(publishShelf(api));
        ids.forEach((key, id) -> keys.put(id, key));
    }

    /**
     * Publishes {@link #SHELF} through {@code api}, in its order.
     * @return seed key to listing id
     */
    static Map<String, String> publishShelf(Api api) {
        Map<String, String> published = new LinkedHashMap<>();
        // A few shops, as on a real shelf; which shop sells what plays no part in search.
        List<Seller> sellers = List.of(CatalogFixtures.verifiedSeller(api), CatalogFixtures.verifiedSeller(api),
                CatalogFixtures.verifiedSeller(api), CatalogFixtures.verifiedSeller(api));
        for (int i = 0; i < SHELF.size(); i++) {
            Seed seed = SHELF.get(i);
            Map<String, Object> body = new HashMap<>(listing(seed.title()));
            body.put("description", seed.description());
            body.put("categoryCode", seed.categoryCode());
            body.put("priceIdr", seed.priceIdr());
            body.put("shipFromRegencyCode", seed.regency());
            body.put("regulatoryLicence", seed.licence());
            if (seed.licence() != null) {
                // Regulated food, cosmetics and jamu must also be halal-certified under
                // rule set v2.
                body.put("halalStatus", "CERTIFIED");
                body.put("halalCertificateNumber", "ID3111000" + String.format("%07d", i));
            }
            published.put(seed.key(), publishedListing(api, sellers.get(i % sellers.size()), body));
        }
        return published;
    }

    /**
     * The query table. Expected: every listing of this shelf the query must find, best
     * first; {@code >} separates ranks, {@code ,} joins listings whose rank is equal
     * (their order is the id tie-break). A listing of the shelf not named must not be
     * found at all, so each row checks precision too.
     */
    @ParameterizedTest(name = "q={0}")
    @CsvSource(delimiterString = "|",
            textBlock = """
                    # query                 | expected, best first                         | why
                    # --- words and phrases: all words must match (websearch_to_tsquery ANDs them)
                    batik tulis             | batikTulisPekalongan, batikMegaMendung       | both words in title and description; batik cap, kemeja batik and daster lack tulis
                    "batik tulis"           | batikTulisPekalongan, batikMegaMendung       | a quoted phrase: the words adjacent, in that order
                    kemeja batik            | kemejaKawung, kemejaPendek                   | kain batik, daster batik and casing batik are not shirts
                    kopi gayo arabika       | kopiGayo                                     | three words, one product; the robusta is not arabika from Gayo
                    sepatu kulit garut      | sepatuGarut                                  | the sandal and the wallet ship from Garut, but the regency is not text
                    hijab segi empat        | hijabVoal                                    | the pashmina is also a headscarf but not segi empat
                    keripik singkong balado | keripikBalado                                | the tempe chips are keripik but not singkong
                    kue nastar              | nastar                                       | lapis legit is also kue
                    teh tubruk              | tehTubruk                                    | the robusta says kopi tubruk, but not teh
                    sambal bawang           | sambalBawang                                 | sambal roa has no bawang
                    perak kotagede          | cincinPerak                                  | the Bali necklace is perak but not from Kotagede
                    gerabah kasongan        | vasKasongan                                  | the Plered jar is pottery too, but not gerabah from Kasongan
                    wayang kulit            | wayangKulit                                  | leather shoes and wallets lack wayang
                    dompet kulit            | dompetKulit                                  | words match, so no look-alike title joins in: the leather sandal did while typos were always tried
                    lampu hias              | lampuBambu                                   | the LED bedside lamp is a lamp but not hias
                    rice cooker             | riceCooker                                   | a loanword matches as typed
                    minyak kemiri           | minyakKemiri                                 | the sambal fried in minyak has no kemiri
                    anyaman pandan          | keranjangPandan > tasPandan                  | both in both titles; the basket also has both words in its description
                    ukiran jepara           | reliefJepara > mejaJati                      | both words in one title outrank words split over title and description
                    tenun ikat              | blouseTenun > tenunSumba                     | both titles; the blouse says tenun ikat again in its description, the Sumba cloth only ditenun
                    # --- stems: Indonesian affixes removed on both sides
                    batiknya                | kemejaKawung, batikMegaMendung, dasterRayon, batikTulisPekalongan > batikCapSolo, casingBatik, kemejaPendek | -nya; batik in title and description outranks title only
                    berbatik                | kemejaKawung, batikMegaMendung, dasterRayon, batikTulisPekalongan > batikCapSolo, casingBatik, kemejaPendek | ber-
                    dompetnya               | dompetKulit                                  | -nya
                    sepatunya               | sepatuGarut                                  | -nya
                    tenunan                 | blouseTenun, tenunSumba > songket            | -an finds tenun and ditenun; the songket says tenunan in its description only
                    dianyam                 | keranjangPandan, lampuBambu > tasPandan > lampuTidur, tasRotanBali | di- finds anyaman, title and description above title above description
                    mengukir                | reliefJepara > mejaJati, patungGaruda        | meng- finds ukiran and ukir
                    kepedasan               | keripikBalado, sambalBawang > sambalRoa      | ke-an finds pedas
                    pengrajin               | cincinPerak, sepatuGarut, vasKasongan        | peng- in descriptions only
                    # --- descriptions only (weight B)
                    kerudung                | hijabVoal, pashmina                          | neither title says kerudung
                    pewarna alami           | batikTulisPekalongan, tenunSumba             | natural dyes are mentioned in descriptions only
                    gulai                   | bukuResep                                    | a word inside a list in the description
                    dakon                   | congklak                                     | the other name of the game, in the description
                    # --- typos: trigram word similarity on the title, 0.6 or more
                    battik                  | kemejaKawung, batikMegaMendung, dasterRayon, batikTulisPekalongan, batikCapSolo, casingBatik, kemejaPendek | a doubled letter; no stem matches, every batik title does at 0.625
                    keripk                  | keripikBalado, keripikTempe                  | a dropped vowel
                    rendan                  | rendangSapi, bumbuRendang                    | a dropped last letter; the recipe book says rendang only in its description, and typos are matched on titles only
                    nastarr                 | nastar                                       | a doubled last letter
                    angklng                 | angklung                                     | a dropped vowel
                    songkett                | songket                                      | a doubled last letter
                    hijap                   | hijabVoal                                    | a wrong last letter
                    gerabahh                | vasKasongan                                  | a doubled last letter
                    arabica                 | kopiGayo                                     | the English spelling
                    kopi gayoo              | kopiGayo                                     | a typo in the second word; the robusta is kopi but not gayo
                    wayan kulit             | wayangKulit                                  | a dropped letter in the first word
                    # --- typos in queries of several words: every word must match the title, by its stem or by trigrams to a word of it
                    battik tulis            | batikTulisPekalongan, batikMegaMendung       | battik is close to the title word batik, tulis matches by its stem; no other batik says tulis
                    batik tuliss            | batikTulisPekalongan, batikMegaMendung       | the typo in the second word
                    kemja pria              | kemejaKawung, kemejaPendek                   | a dropped letter; the words are apart in the titles (Kemeja Batik Pria), the other pria titles have no kemeja
                    keripik baldo           | keripikBalado                                | a dropped letter in the second word; the tempe chips are not balado
                    kopi arabica            | kopiGayo                                     | the English spelling, apart from kopi in the title; the robusta is not arabika
                    battik pekalongan       | batikTulisPekalongan                         | the daster says pekalongan in its description only, and typos are matched on titles only
                    menganyam pandann       | keranjangPandan, tasPandan                   | menganyam matches Anyaman by its stem (anyam), not by its trigrams; the bamboo lamp is no pandan
                    tenun ikatt             | blouseTenun, tenunSumba                      | both titles hold both words, so they tie: a typo match ranks by the titles alone
                    rice coker              | riceCooker                                   | a dropped letter in a loanword
                    kemja batik pria        | kemejaKawung, kemejaPendek                   | three words, a dropped letter in the first; the other batik titles lack pria
                    sepatu pria garutt      | sepatuGarut                                  | three words apart in the title, the last misspelt; the wallet is pria but not sepatu
                    lampu gantung bambuu    | lampuBambu                                   | three words apart in the title, the last misspelt; the bedside lamp is neither gantung nor bambu
                    kopi gayo arabica       | kopiGayo                                     | three words, the last in its English spelling
                    keripik singkong baldo  | keripikBalado                                | a dropped letter in the third word
                    hijab segi empatt       | hijabVoal                                    | three words, the last misspelt
                    battik tuliss           | batikTulisPekalongan, batikMegaMendung       | both words misspelt
                    kemja battik            | kemejaKawung, kemejaPendek                   | both words misspelt
                    sepatuu kullit garut    | sepatuGarut                                  | two of three words misspelt
                    keripik singkon baldo   | keripikBalado                                | two of three words misspelt
                    kopi gayoo arabica      | kopiGayo                                     | two of three words misspelt
                    battik -kemeja          | batikTulisPekalongan, batikCapSolo, batikMegaMendung, dasterRayon, casingBatik | a typo and an excluded word: the shirts are left out, as the words search leaves them out
                    # --- common spellings at a trigram similarity of 0.44 to 0.6 to the title's word
                    kripik                  | keripikBalado, keripikTempe                  | the colloquial spelling; it stems to kripik, keripik to ripik
                    pasmina                 | pashmina                                     | without the h
                    angkulung               | angklung                                     | an extra vowel
                    # --- ranking: title (A) above description (B), more occurrences above fewer
                    sambal                  | sambalRoa > sambalBawang > bukuResep         | title and description > title > a description that lists sambal
                    rendang                 | rendangSapi > bumbuRendang > bukuResep       | title and description > title > description only
                    kopi                    | kopiTemanggung > kopiGayo                    | kopi three times outranks once; teh tubruk is no kopi
                    pedas                   | keripikBalado, sambalBawang > sambalRoa      | title > description
                    kulit                   | wayangKulit, dompetKulit, sepatuGarut > sandalSelop > lulur, tasRotanBali | kulit in title and description > title > description (the lulur is for skin, kulit too)
                    katun                   | mukenaBordir > batikCapSolo, kemejaKawung, batikMegaMendung, batikTulisPekalongan, kemejaPendek | the one title saying katun first
                    jati                    | mejaJati > reliefJepara, congklak            | title and description > title
                    jamu                    | jamuKunyit > jamuKencur                      | jamu twice > once; the kencur drink is minuman in its description
                    """)
    void findsWhatAShopperMeans(String query, String expected, String why) {
        List<String> found = ours(search("q=" + encode(query) + "&size=100"));

        assertRanked(found, expected, query + " (" + why + ")");
    }

    @Test
    void aParentCategoryIncludesItsChildren() {
        JsonNode page = search("categoryCode=makanan-minuman&sort=price_asc&size=100");

        assertThat(ours(page)).containsExactly("tehTubruk", "bumbuRendang", "keripikTempe", "keripikBalado",
                "sambalBawang", "sambalRoa", "kopiTemanggung", "kopiGayo", "nastar", "rendangSapi", "lapisLegit");
        assertThat(field(page, "categoryCode")).allMatch(Set.of("makanan-minuman", "makanan-ringan", "sambal-bumbu",
                "kopi-teh", "kue-roti", "makanan-beku")::contains);
    }

    @Test
    void aParentCategoryIncludesListingsFiledUnderTheParentItself() {
        assertThat(ours(search("categoryCode=kerajinan&sort=price_desc&size=100"))).containsExactly("reliefJepara",
                "kursiRotan", "wayangKulit", "patungGaruda", "kalungPerak", "guciPlered", "cincinPerak", "vasKasongan",
                "keranjangPandan");
    }

    @Test
    void aChildCategoryExcludesItsSiblings() {
        // kayu is in the dining table (furnitur) and the toys (mainan-anak) too
        assertThat(ours(search("q=kayu&categoryCode=kerajinan&size=100"))).containsExactly("patungGaruda",
                "reliefJepara");
        assertThat(ours(search("q=kayu&categoryCode=ukiran-kayu&size=100"))).containsExactly("patungGaruda",
                "reliefJepara");
    }

    @Test
    void theProvinceFilterUsesWhereTheListingShipsFrom() {
        JsonNode batikInCentralJava = search("q=batik&provinceCode=33&size=100");

        // The Cirebon (32) and Jakarta (31) batik are left out; relevance order is kept
        // among the rest.
        assertRanked(ours(batikInCentralJava),
                "kemejaKawung, dasterRayon, batikTulisPekalongan > batikCapSolo, kemejaPendek",
                "batik shipped from Central Java");
        assertThat(field(batikInCentralJava, "provinceCode")).containsOnly("33");
        assertThat(ours(search("provinceCode=51&sort=price_asc&size=100"))).containsExactly("tasRotanBali",
                "kalungPerak", "patungGaruda");
    }

    @Test
    void thePriceRangeIncludesBothBounds() {
        JsonNode page = search("q=batik&minPriceIdr=125000&maxPriceIdr=189000&sort=price_asc&size=100");

        assertThat(ours(page)).containsExactly("kemejaPendek", "batikCapSolo", "kemejaKawung");
        assertThat(page.get("items").valueStream().map(item -> item.get("priceIdr").asLong()))
            .allMatch(price -> price >= 125_000 && price <= 189_000);
    }

    @Test
    void filtersCombine() {
        JsonNode page = search("categoryCode=fashion&provinceCode=32&maxPriceIdr=150000&sort=price_desc&size=100");

        assertThat(ours(page)).containsExactly("sandalSelop", "dompetKulit", "tasPandan", "kaosPolos", "hijabVoal");
    }

    @Test
    void aQueryCanBeSortedByPriceEitherWayOrByNewest() {
        assertThat(ours(search("q=kulit&sort=price_asc&size=100"))).containsExactly("lulur", "dompetKulit",
                "sandalSelop", "tasRotanBali", "sepatuGarut", "wayangKulit");
        assertThat(ours(search("q=kulit&sort=price_desc&size=100"))).containsExactly("wayangKulit", "sepatuGarut",
                "tasRotanBali", "sandalSelop", "dompetKulit", "lulur");
        // published in shelf order, so the newest is the one published last
        assertThat(ours(search("q=kulit&sort=newest&size=100"))).containsExactly("wayangKulit", "lulur", "tasRotanBali",
                "dompetKulit", "sandalSelop", "sepatuGarut");
    }

    @Test
    void withoutWordsRelevanceMeansNewestFirst() {
        List<String> newestFirst = new ArrayList<>(ids.keySet());
        Collections.reverse(newestFirst);

        assertThat(ours(search("sort=newest&size=100"))).isEqualTo(newestFirst);
        assertThat(ours(search("sort=relevance&size=100"))).isEqualTo(newestFirst);
    }

    @Test
    void pagesOfTwoWalkThroughEveryResultOnceInOrder() {
        // q=batik: relevance with equal ranks, where the id breaks the ties; kerajinan:
        // in the whole suite, rattan listings of other classes share 150,000
        for (String query : List.of("q=batik", "q=kulit&sort=price_desc", "categoryCode=kerajinan&sort=price_asc",
                "provinceCode=34&sort=newest", "categoryCode=makanan-minuman&minPriceIdr=20000&maxPriceIdr=200000")) {
            JsonNode whole = search(query + "&size=100");
            assertThat(whole.get("nextCursor").isNull()).as("%s fits one page of 100", query).isTrue();
            List<String> expected = field(whole, "listingId");

            List<String> walked = new ArrayList<>();
            String cursor = null;
            do {
                JsonNode page = search(query + "&size=2" + (cursor == null ? "" : "&cursor=" + cursor));
                assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
                walked.addAll(field(page, "listingId"));
                cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            }
            while (cursor != null);

            assertThat(ours(whole)).as("%s finds listings of this shelf", query).isNotEmpty();
            assertThat(walked).as(query).doesNotHaveDuplicates().isEqualTo(expected);
        }
    }

    @Test
    void aCursorOfOneSortIsRefusedByAnother() {
        String cursor = search("q=batik&sort=price_asc&size=2").get("nextCursor").asString();

        Api.Response refused = api.get("/api/v1/catalog/listings?q=batik&sort=newest&size=2&cursor=" + cursor).send();

        refused.expect(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("INVALID_CURSOR");
    }

    private JsonNode search(String parameters) {
        return api.get("/api/v1/catalog/listings?" + parameters).send().expect(200).json();
    }

    /** The listings of this shelf in a page, by seed key, in the page's order. */
    private List<String> ours(JsonNode page) {
        return page.get("items")
            .valueStream()
            .map(item -> keys.get(item.get("listingId").asString()))
            .filter(key -> key != null)
            .toList();
    }

    private static List<String> field(JsonNode page, String name) {
        return page.get("items").valueStream().map(item -> item.get(name).asString()).toList();
    }

    /**
     * Asserts that {@code found} is exactly the listings of {@code expected} ("a, b > c":
     * a and b tied, in either order, then c), by cutting it into slices the sizes of the
     * expected ranks.
     */
    private void assertRanked(List<String> found, String expected, String description) {
        List<Set<String>> ranks = new ArrayList<>();
        for (String rank : expected.split(">")) {
            Set<String> tied = new HashSet<>();
            for (String key : rank.split(",")) {
                tied.add(key.trim());
                // a misspelt key would otherwise read as "not found"
                requireOnShelf(key.trim());
            }
            ranks.add(tied);
        }
        assertThat(inRanksOf(found, ranks)).as("%s, found %s", description, found).isEqualTo(ranks);
    }

    private static List<Set<String>> inRanksOf(List<String> found, List<Set<String>> ranks) {
        List<Set<String>> slices = new ArrayList<>();
        int from = 0;
        for (Set<String> rank : ranks) {
            int to = Math.min(found.size(), from + rank.size());
            slices.add(Set.copyOf(found.subList(from, to)));
            from = to;
        }
        if (from < found.size()) {
            // found but not expected
            slices.add(Set.copyOf(found.subList(from, found.size())));
        }
        return slices;
    }

    private void requireOnShelf(String key) {
        if (!ids.containsKey(key)) {
            throw new IllegalArgumentException("no listing " + key + " on the shelf");
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

}
