package dev.gatehouse.auth.iam.policy;

import java.util.List;
import java.util.Map;

/**
 * A value of {@code IpAddress} / {@code NotIpAddress}: an IPv4 or IPv6 CIDR block such as {@code
 * 203.0.113.0/24} or {@code 2001:db8::/32}, or a single address (a /32 or /128). Host bits set in
 * the policy value are ignored, as the block is what the author meant.
 */
final class CidrBlock implements ConditionValue, IpAddressReader.Bits {

    private final boolean v6;
    private final long highMask;
    private final long lowMask;
    private final long highNetwork;
    private final long lowNetwork;

    private CidrBlock(boolean v6, long high, long low, int prefix) {
        this.v6 = v6;
        if (v6) {
            highMask = prefix == 0 ? 0 : prefix >= 64 ? -1L : -1L << (64 - prefix);
            lowMask = prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
        } else {
            highMask = 0;
            lowMask = prefix == 0 ? 0 : (0xffff_ffffL << (32 - prefix)) & 0xffff_ffffL;
        }
        highNetwork = high & highMask;
        lowNetwork = low & lowMask;
    }

    static CidrBlock parse(String value) throws InvalidPolicyException {
        String text = value.strip();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        long[] bits = new long[3]; // v6 flag, high, low
        boolean read =
                IpAddressReader.read(
                        address,
                        (v6, high, low) -> {
                            bits[0] = v6 ? 1 : 0;
                            bits[1] = high;
                            bits[2] = low;
                            return true;
                        });
        if (!read) {
            throw new InvalidPolicyException("'" + value + "' is not an IP address or CIDR block");
        }
        boolean v6 = bits[0] == 1;
        // An IPv4-mapped IPv6 block was read as IPv4: its prefix loses the 96 mapping bits.
        boolean mapped = !v6 && address.indexOf(':') >= 0;
        int width = v6 ? 128 : 32;
        int prefix = width;
        if (slash >= 0) {
            prefix = prefix(text.substring(slash + 1), mapped ? 128 : width);
            if (prefix < 0 || (mapped && prefix < 96)) {
                throw new InvalidPolicyException(
                        "'"
                                + value
                                + "' has an invalid prefix length ("
                                + (mapped ? "96 to 128" : "0 to " + width)
                                + ")");
            }
            prefix = mapped ? prefix - 96 : prefix;
        }
        return new CidrBlock(v6, bits[1], bits[2], prefix);
    }

    private static int prefix(String text, int max) {
        if (text.isEmpty() || text.length() > 3) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= max ? value : -1;
    }

    @Override
    public boolean matches(String contextValue, Map<String, List<String>> context) {
        return IpAddressReader.read(contextValue, this);
    }

    @Override
    public boolean accept(boolean v6, long high, long low) {
        return v6 == this.v6 && (high & highMask) == highNetwork && (low & lowMask) == lowNetwork;
    }
}
