package dev.gatehouse.stores.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates {@code src/main/resources/stores.json}: a deterministic, made-up store catalogue. Every
 * name, address and coordinate is synthetic (seeded random), created for this project. {@link
 * StoreCatalogueDataTest} holds the file to its output. Regenerate from the repository root:
 *
 * <pre>
 * java stores-service/src/test/java/dev/gatehouse/stores/catalog/GenerateStores.java \
 *   > stores-service/src/main/resources/stores.json
 * </pre>
 */
public class GenerateStores {

    record City(
            String prefix, String name, String country, double lat, double lon, String[] streets) {}

    record Category(
            String id,
            String[] nouns,
            String[] tags,
            String weekdays,
            String saturday,
            String sunday) {}

    static final City[] CITIES = {
        new City(
                "lis",
                "Lisbon",
                "PT",
                38.7223,
                -9.1393,
                new String[] {
                    "Rua Augusta",
                    "Avenida da Liberdade",
                    "Rua da Prata",
                    "Calçada do Combro",
                    "Rua Garrett",
                    "Largo do Carmo"
                }),
        new City(
                "opo",
                "Porto",
                "PT",
                41.1579,
                -8.6291,
                new String[] {
                    "Rua de Santa Catarina",
                    "Rua das Flores",
                    "Avenida dos Aliados",
                    "Rua de Cedofeita",
                    "Praça da Ribeira"
                }),
        new City(
                "mad",
                "Madrid",
                "ES",
                40.4168,
                -3.7038,
                new String[] {
                    "Calle Mayor",
                    "Gran Vía",
                    "Calle de Alcalá",
                    "Calle de Fuencarral",
                    "Plaza de Olavide"
                }),
        new City(
                "par",
                "Paris",
                "FR",
                48.8566,
                2.3522,
                new String[] {
                    "Rue de Rivoli",
                    "Boulevard Saint-Germain",
                    "Rue Montorgueil",
                    "Rue des Martyrs",
                    "Avenue de l'Opéra"
                }),
        new City(
                "ber",
                "Berlin",
                "DE",
                52.5200,
                13.4050,
                new String[] {
                    "Friedrichstraße",
                    "Kastanienallee",
                    "Oranienstraße",
                    "Bergmannstraße",
                    "Schönhauser Allee"
                }),
        new City(
                "sao",
                "São Paulo",
                "BR",
                -23.5505,
                -46.6333,
                new String[] {
                    "Avenida Paulista",
                    "Rua Augusta",
                    "Rua Oscar Freire",
                    "Rua da Consolação",
                    "Avenida São João"
                }),
        new City(
                "mtl",
                "Montréal",
                "CA",
                45.5019,
                -73.5674,
                new String[] {
                    "Rue Sainte-Catherine",
                    "Boulevard Saint-Laurent",
                    "Rue Saint-Denis",
                    "Avenue du Mont-Royal",
                    "Rue Wellington"
                }),
    };

    static final Category[] CATEGORIES = {
        new Category(
                "cafe",
                new String[] {"Café", "Coffee House", "Espresso Bar", "Kaffeehaus", "Cafetería"},
                new String[] {"coffee", "espresso", "pastries", "wifi", "brunch", "tea"},
                "07:30-19:00",
                "08:00-19:00",
                "09:00-14:00"),
        new Category(
                "bakery",
                new String[] {"Boulangerie", "Padaria", "Bäckerei", "Panadería", "Bakehouse"},
                new String[] {"bread", "croissants", "cakes", "gluten-free", "sourdough"},
                "07:00-19:30",
                "07:00-14:00",
                "08:00-12:00"),
        new Category(
                "bookstore",
                new String[] {"Livraria", "Librairie", "Buchhandlung", "Librería", "Books"},
                new String[] {"books", "comics", "second-hand", "children", "poetry"},
                "10:00-20:00",
                "10:00-20:00",
                "closed"),
        new Category(
                "grocery",
                new String[] {"Mercado", "Épicerie", "Markt", "Grocer", "Mercearia"},
                new String[] {"organic", "fruit", "vegetables", "local", "cheese", "wine"},
                "08:00-21:00",
                "08:00-21:00",
                "09:00-13:00"),
        new Category(
                "pharmacy",
                new String[] {"Farmácia", "Pharmacie", "Apotheke", "Farmacia", "Pharmacy"},
                new String[] {"pharmacy", "health", "cosmetics", "24h"},
                "08:30-20:00",
                "09:00-13:00",
                "closed"),
        new Category(
                "florist",
                new String[] {"Fleuriste", "Florista", "Blumenladen", "Flowers"},
                new String[] {"flowers", "plants", "bouquets", "gifts"},
                "09:00-19:00",
                "09:00-17:00",
                "10:00-13:00"),
        new Category(
                "bike-shop",
                new String[] {"Vélos", "Fahrradladen", "Bicicletas", "Cycles", "Bike Shop"},
                new String[] {"bikes", "repairs", "rental", "e-bikes"},
                "10:00-19:00",
                "10:00-16:00",
                "closed"),
        new Category(
                "restaurant",
                new String[] {"Bistrô", "Brasserie", "Tasca", "Trattoria", "Kitchen"},
                new String[] {"lunch", "dinner", "vegetarian", "seafood", "terrace"},
                "12:00-23:00",
                "12:00-23:30",
                "12:00-16:00"),
    };

    static final String[] WORDS = {
        "Lumière", "Aurora", "Estrela", "Sonnen", "Cœur", "Jardim", "Olivia", "Mirante", "Azul",
                "Verde", "Maré", "Ñandú",
        "Zéphyr", "Königs", "Alegria", "Saudade", "Rosa", "Luna", "Nord", "Sud", "Castelo",
                "Pérola", "Árvore", "Colibri",
        "Farol", "Höhe", "Étoile", "Solar", "Brisa", "Mosaico", "Aldeia", "Ponte"
    };

    static final int STORES_PER_CITY = 36;

    public static void main(String[] args) {
        System.out.print(catalogue());
    }

    /** The catalogue, as the file holds it. */
    static String catalogue() {
        Random random = new Random(20261123L);
        List<String> stores = new ArrayList<>();
        for (City city : CITIES) {
            Set<String> names = new LinkedHashSet<>();
            for (int i = 1; i <= STORES_PER_CITY; i++) {
                Category category =
                        CATEGORIES[(i - 1 + city.prefix().length() * 3) % CATEGORIES.length];
                String name;
                do {
                    name = pick(random, WORDS) + " " + pick(random, category.nouns());
                } while (!names.add(name));
                String id = String.format(Locale.ROOT, "%s-%03d", city.prefix(), i);
                // Most stores within 5 km of the centre, a few farther out: radius filters matter.
                double distanceKm = Math.min(12.0, Math.abs(random.nextGaussian()) * 3.0);
                double bearing = random.nextDouble() * 2 * Math.PI;
                double lat = city.lat() + (distanceKm / 111.32) * Math.cos(bearing);
                double lon =
                        city.lon()
                                + (distanceKm / (111.32 * Math.cos(Math.toRadians(city.lat()))))
                                        * Math.sin(bearing);
                String address = (1 + random.nextInt(240)) + " " + pick(random, city.streets());
                List<String> tags = new ArrayList<>();
                for (String tag : category.tags()) {
                    if (random.nextInt(100) < 45) {
                        tags.add(tag);
                    }
                }
                if (tags.isEmpty()) {
                    tags.add(category.tags()[0]);
                }
                stores.add(json(id, name, category, address, city, lat, lon, tags));
            }
        }
        return "[\n" + String.join(",\n", stores) + "\n]\n";
    }

    static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    static String json(
            String id,
            String name,
            Category category,
            String address,
            City city,
            double lat,
            double lon,
            List<String> tags) {
        Map<String, String> hours = new LinkedHashMap<>();
        for (String day : new String[] {"monday", "tuesday", "wednesday", "thursday", "friday"}) {
            hours.put(day, category.weekdays());
        }
        hours.put("saturday", category.saturday());
        hours.put("sunday", category.sunday());
        StringBuilder s = new StringBuilder("  {");
        s.append("\"id\":").append(q(id)).append(",\"name\":").append(q(name));
        s.append(",\"category\":")
                .append(q(category.id()))
                .append(",\"address\":")
                .append(q(address));
        s.append(",\"city\":")
                .append(q(city.name()))
                .append(",\"country\":")
                .append(q(city.country()));
        s.append(String.format(Locale.ROOT, ",\"latitude\":%.6f,\"longitude\":%.6f", lat, lon));
        s.append(",\"openingHours\":{");
        s.append(
                String.join(
                        ",",
                        hours.entrySet().stream()
                                .map(e -> q(e.getKey()) + ":" + q(e.getValue()))
                                .toList()));
        s.append("},\"tags\":[")
                .append(String.join(",", tags.stream().map(GenerateStores::q).toList()))
                .append("]}");
        return s.toString();
    }

    static String q(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
