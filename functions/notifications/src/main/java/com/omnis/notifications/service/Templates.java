package com.omnis.notifications.service;

import com.omnis.notifications.domain.EmailContent;
import com.omnis.notifications.domain.Language;
import com.omnis.notifications.domain.MessageKind;
import java.util.Map;

/** The messages' words, per kind and language; the model's values are already written for the language. */
public interface Templates {

    EmailContent email(MessageKind kind, Language language, Map<String, Object> model);

    String sms(MessageKind kind, Language language, Map<String, Object> model);
}
