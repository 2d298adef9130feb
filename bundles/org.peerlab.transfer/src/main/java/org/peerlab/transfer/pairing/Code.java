package org.peerlab.transfer.pairing;

import java.security.SecureRandom;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pairing codes such as {@code 7-copper-lantern}: a nameplate (the number, which the rendezvous
 * server sees) and two words from a list of 256 (which it never sees), optionally followed by
 * {@code @host:port} naming the rendezvous server. The whole code is the PAKE password; with
 * three attempts allowed, a guesser's chance is 3 in 65,536.
 *
 * @param nameplate  the part before the first dash
 * @param secret     the whole code without the address: what the PAKE uses
 * @param rendezvous the {@code host:port} after {@code @}, or null
 */
public record Code(String nameplate, String secret, String rendezvous) {

    /** The 256 words, in order (index = byte value). */
    public static final List<String> WORDS = List.of((
            "acorn amber anchor apple april arrow aspen atlas autumn badge bagel bamboo banjo barley basil "
            + "beacon beaver berry birch bishop blossom bottle breeze brick bridge bronze brook bucket buffalo "
            + "button cabin cactus camel candle canoe canyon carbon carrot castle cedar cello chalk cherry chess "
            + "cider cinder citrus clover cobalt comet copper coral cotton coyote crane crater cricket crystal cup "
            + "cypress daisy dawn delta denim desert dolphin dragon drum dune eagle ember emerald falcon feather "
            + "fern fiddle flame flint forest fossil fox galaxy garden garnet ginger glacier globe granite grape "
            + "gravel harbor hazel hedge heron hickory honey horizon iris island ivory jade jasmine jelly jungle "
            + "kayak kettle kiwi koala ladder lagoon lantern lava lemon lilac lily linen lizard lotus lunar magnet "
            + "mango maple marble meadow melon meteor mint mirror mocha moose mosaic moss nectar needle nickel "
            + "noodle nutmeg oak oasis ocean olive onyx orbit orchid otter owl oyster paddle palm panda paper "
            + "parrot peach pearl pebble pepper piano pilot pine planet plum pollen pond poppy prairie prism "
            + "pumpkin quartz quill rabbit radish rain raven reef ribbon river robin rocket rose ruby saddle "
            + "saffron sage salmon sapphire scarf shadow shell silver sketch sled slate snow sparrow spice spruce "
            + "squid star stone storm sugar summit sunset swan tango teapot thistle thunder tiger timber toast "
            + "topaz torch tulip tundra turtle umbrella valley velvet violet walnut walrus wave willow window "
            + "winter wizard wolf yarrow zebra zephyr juniper saturn biscuit blanket bubble cabbage caramel cargo "
            + "cashew cobra compass cookie crayon cocoa dynamo easel echo engine fable falafel fiesta figure "
            + "flannel fountain frost "
            ).trim().split(" "));

    private static final Pattern FORM = Pattern.compile("([A-Za-z0-9]{1,16})((?:-[a-z]+){1,8})(?:@([A-Za-z0-9.\\-]+:[0-9]{1,5}|\\[[0-9a-fA-F:]+\\]:[0-9]{1,5}))?");

    /** @return a fresh code with this nameplate and two random words */
    public static Code generate(String nameplate, SecureRandom random) {
        return new Code(nameplate, nameplate + "-" + WORDS.get(random.nextInt(256)) + "-" + WORDS.get(random.nextInt(256)), null);
    }

    /** @return the code in a string, or null if it is not one ({@code NAMEPLATE-word[-word...][@host:port]}) */
    public static Code parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        return new Code(m.group(1), m.group(1) + m.group(2), m.group(3));
    }

    /** @return the code as printed, with the rendezvous address if it has one */
    @Override
    public String toString() {
        return rendezvous == null ? secret : secret + "@" + rendezvous;
    }

    /** @return this code carrying a rendezvous address */
    public Code at(String address) {
        return new Code(nameplate, secret, address);
    }
}
