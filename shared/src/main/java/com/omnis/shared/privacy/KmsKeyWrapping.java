package com.omnis.shared.privacy;

import com.omnis.shared.domain.CustomerId;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;

/**
 * Data keys from KMS: {@code GenerateDataKey} (AES_256) under the key {@code PERSONAL_DATA_KEY_ID} gives the
 * key and its wrapped form, {@code Decrypt} unwraps it; the encryption context {@code {customerId}} binds
 * each wrapped key to its customer (and names them in CloudTrail, by id only).
 */
public final class KmsKeyWrapping implements KeyWrapping {

    static final String CONTEXT_KEY = "customerId";

    private final KmsClient kms;
    private final String keyId;

    public KmsKeyWrapping(KmsClient kms, String keyId) {
        this.kms = kms;
        this.keyId = keyId;
    }

    @Override
    public String name() {
        return "kms";
    }

    @Override
    public DataKey generate(CustomerId customer) {
        var response = kms.generateDataKey(b -> b.keyId(keyId).keySpec(DataKeySpec.AES_256)
                .encryptionContext(context(customer)));
        return new DataKey(response.plaintext().asByteArray(), response.ciphertextBlob().asByteArray());
    }

    @Override
    public byte[] unwrap(CustomerId customer, byte[] wrapped) {
        return kms.decrypt(b -> b.keyId(keyId).ciphertextBlob(SdkBytes.fromByteArray(wrapped))
                .encryptionContext(context(customer))).plaintext().asByteArray();
    }

    private static Map<String, String> context(CustomerId customer) {
        return Map.of(CONTEXT_KEY, customer.value());
    }
}
