package dev.gatehouse.auth.iam.policy;

/**
 * Reads an IP address in text form (IPv4 dotted quad, or IPv6 per RFC 4291 section 2.2 with {@code
 * ::} and an optional dotted-quad tail) into bits, without allocating and without ever resolving a
 * host name. The bits go to a callback, since Java returns one value only.
 *
 * <p>IPv4-mapped IPv6 addresses ({@code ::ffff:192.0.2.1}) are reported as the IPv4 address, so
 * that a dual-stack socket's view of an IPv4 client still matches IPv4 ranges.
 */
final class IpAddressReader {

    /** Receives the address read; its answer is the answer of {@link #read}. */
    interface Bits {
        /**
         * @param v6 false for IPv4: the address is then in the low 32 bits of {@code low}
         * @param high the first 64 bits of an IPv6 address
         */
        boolean accept(boolean v6, long high, long low);
    }

    private static final int NO_ADDRESS = -1;

    private IpAddressReader() {}

    /** False when the text is not an IP address; the callback's answer otherwise. */
    static boolean read(String text, Bits bits) {
        if (text.indexOf(':') < 0) {
            long v4 = ipv4(text, 0, text.length());
            return v4 != NO_ADDRESS && bits.accept(false, 0, v4);
        }
        return ipv6(text, bits);
    }

    private static boolean ipv6(String text, Bits bits) {
        int length = text.length();
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        int headEnd = gap < 0 ? length : gap;
        int tailStart = gap < 0 ? length : gap + 2;
        int headGroups = groups(text, 0, headEnd, gap < 0);
        int tailGroups = groups(text, tailStart, length, true);
        if (headGroups < 0 || tailGroups < 0) {
            return false;
        }
        int total = headGroups + tailGroups;
        if (gap < 0 ? total != 8 : total > 7) {
            return false;
        }
        long high = 0;
        long low = 0;
        for (int range = 0; range < 2; range++) {
            int i = range == 0 ? 0 : tailStart;
            int end = range == 0 ? headEnd : length;
            int position = range == 0 ? 0 : 8 - tailGroups;
            while (i < end) {
                int stop = text.indexOf(':', i);
                stop = stop < 0 || stop > end ? end : stop;
                if (text.indexOf('.', i) >= 0 && text.indexOf('.', i) < stop) {
                    long v4 = ipv4(text, i, stop);
                    high |= group(position, v4 >>> 16);
                    low |= lowGroup(position, v4 >>> 16);
                    high |= group(position + 1, v4 & 0xffff);
                    low |= lowGroup(position + 1, v4 & 0xffff);
                    position += 2;
                } else {
                    long value = 0;
                    for (int j = i; j < stop; j++) {
                        value = value << 4 | hex(text.charAt(j));
                    }
                    high |= group(position, value);
                    low |= lowGroup(position, value);
                    position++;
                }
                i = stop + 1;
            }
        }
        if (high == 0 && (low >>> 32) == 0xffff) {
            return bits.accept(false, 0, low & 0xffff_ffffL);
        }
        return bits.accept(true, high, low);
    }

    private static long group(int position, long value) {
        return position < 4 ? value << (16 * (3 - position)) : 0;
    }

    private static long lowGroup(int position, long value) {
        return position >= 4 ? value << (16 * (7 - position)) : 0;
    }

    /**
     * Counts the 16-bit groups of one side of {@code ::} (a dotted-quad tail counts two), or -1
     * when a group is malformed.
     *
     * @param tailAllowed whether a dotted quad may end this range
     */
    private static int groups(String text, int from, int to, boolean tailAllowed) {
        if (from == to) {
            return 0;
        }
        int count = 0;
        int i = from;
        while (true) {
            int stop = text.indexOf(':', i);
            stop = stop < 0 || stop > to ? to : stop;
            if (stop == i) {
                return -1; // empty group: a stray ':'
            }
            boolean dotted = false;
            for (int j = i; j < stop; j++) {
                dotted |= text.charAt(j) == '.';
            }
            if (dotted) {
                if (!tailAllowed || stop != to || ipv4(text, i, stop) == NO_ADDRESS) {
                    return -1;
                }
                return count + 2;
            }
            if (stop - i > 4) {
                return -1;
            }
            for (int j = i; j < stop; j++) {
                if (hex(text.charAt(j)) < 0) {
                    return -1;
                }
            }
            count++;
            if (stop == to) {
                return count;
            }
            i = stop + 1;
            if (i == to) {
                return -1; // trailing ':'
            }
        }
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** The 32 bits of a dotted quad in {@code text[from, to)}, or {@link #NO_ADDRESS}. */
    private static long ipv4(String text, int from, int to) {
        long address = 0;
        int octets = 0;
        int i = from;
        while (octets < 4) {
            int value = 0;
            int digits = 0;
            while (i < to && digits < 4) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                value = value * 10 + (c - '0');
                digits++;
                i++;
            }
            if (digits == 0 || digits > 3 || value > 255) {
                return NO_ADDRESS;
            }
            address = address << 8 | value;
            octets++;
            if (octets < 4) {
                if (i >= to || text.charAt(i) != '.') {
                    return NO_ADDRESS;
                }
                i++;
            }
        }
        return i == to ? address : NO_ADDRESS;
    }
}
