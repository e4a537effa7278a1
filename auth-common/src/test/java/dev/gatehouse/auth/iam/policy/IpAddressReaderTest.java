package dev.gatehouse.auth.iam.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written address reader agrees with the JDK on valid text and refuses the rest. */
class IpAddressReaderTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0.0.0.0",
                "255.255.255.255",
                "192.0.2.1",
                "::",
                "::1",
                "1::",
                "2001:db8::",
                "2001:DB8::1:2",
                "fe80::1:2:3:4",
                "1:2:3:4:5:6:7:8",
                "1:2:3:4:5:6:7::",
                "::2:3:4:5:6:7:8",
                "1::8",
                "0:0:0:0:0:0:0:0",
                "2001:db8:0:0:0:0:2:1",
                "::192.0.2.1",
                "64:ff9b::192.0.2.33",
                "1:2:3:4:5:6:192.0.2.1",
                "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"
            })
    void readsTheSameBitsAsTheJdk(String text) throws Exception {
        byte[] expected = InetAddress.getByName(text).getAddress();
        long[] read = new long[3];
        boolean ok =
                IpAddressReader.read(
                        text,
                        (v6, high, low) -> {
                            read[0] = v6 ? 1 : 0;
                            read[1] = high;
                            read[2] = low;
                            return true;
                        });

        assertEquals(true, ok);
        if (expected.length == 4) {
            assertEquals(0, read[0]);
            assertEquals(ByteBuffer.wrap(expected).getInt() & 0xffff_ffffL, read[2]);
        } else {
            assertEquals(1, read[0]);
            ByteBuffer bits = ByteBuffer.wrap(expected);
            assertEquals(bits.getLong(), read[1]);
            assertEquals(bits.getLong(), read[2]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"::ffff:192.0.2.1", "0:0:0:0:0:ffff:c000:0201"})
    void readsAnIpv4MappedAddressAsIpv4(String text) {
        long[] read = new long[2];
        IpAddressReader.read(
                text,
                (v6, high, low) -> {
                    read[0] = v6 ? 1 : 0;
                    read[1] = low;
                    return true;
                });

        assertEquals(0, read[0]);
        assertEquals(0xc000_0201L, read[1]);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "1",
                "1.2.3",
                "1.2.3.4.5",
                "256.0.0.1",
                "1.2.3.-4",
                "1..2.3",
                "1.2.3.4 ",
                " 1.2.3.4",
                "01234.1.1.1",
                "a.b.c.d",
                ":",
                ":::",
                "1:::2",
                "1::2::3",
                ":1:2:3:4:5:6:7",
                "1:2:3:4:5:6:7:8:",
                "1:2:3:4:5:6:7",
                "1:2:3:4:5:6:7:8:9",
                "1:2:3:4:5:6:7::8",
                "12345::",
                "g::",
                "::1.2.3",
                "1.2.3.4::",
                "::1.2.3.4:5",
                "fe80::1%eth0",
                "localhost",
                "::\u0661",
                "1:2:3:4:5:6:7:1.2.3.4"
            })
    void refusesWhatIsNotAnAddress(String text) {
        assertEquals(false, IpAddressReader.read(text, (v6, high, low) -> true), text);
    }
}
