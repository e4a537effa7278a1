package dev.gatehouse.deploy.sam;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation/SAM template, turning the short-form intrinsics ({@code !Ref X}, {@code
 * !GetAtt A.B}, {@code !Sub "..."}) into their long form ({@code {"Ref": "X"}}, ...), the way
 * CloudFormation itself reads them.
 */
final class CloudFormationYaml {

    private static final String[] FUNCTIONS = {
        "Ref",
        "GetAtt",
        "Sub",
        "Select",
        "GetAZs",
        "Join",
        "If",
        "Equals",
        "Not",
        "And",
        "Or",
        "FindInMap",
        "Split",
        "ImportValue",
        "Base64",
        "Cidr",
        "Condition"
    };

    private CloudFormationYaml() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return (Map<String, Object>) new Yaml(new Intrinsics()).load(reader);
        }
    }

    private static final class Intrinsics extends SafeConstructor {
        Intrinsics() {
            super(new LoaderOptions());
            for (String function : FUNCTIONS) {
                String key =
                        function.equals("Ref") || function.equals("Condition")
                                ? function
                                : "Fn::" + function;
                yamlConstructors.put(new Tag("!" + function), new LongForm(key));
            }
        }

        private final class LongForm extends AbstractConstruct {
            private final String key;

            LongForm(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = constructScalar(scalar);
                    // !GetAtt Resource.Attribute is [Resource, Attribute] in the long form.
                    value =
                            key.equals("Fn::GetAtt")
                                    ? java.util.List.of(text.split("\\.", 2))
                                    : text;
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(key, value);
            }
        }
    }
}
