import { useEffect } from 'react';
import { Alert, App, Button, Drawer, Flex, Form, Grid } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormSave } from '../../hooks/useFormSave';
import { useFormat } from '../../i18n/useFormat';
import { ruleDefinition, ruleFieldName, ruleFormValues, type RuleFormValues } from './rule-form';
import { RuleBasicsFields } from './RuleBasicsFields';
import { RuleAwardFields } from './RuleAwardFields';
import type { Rule } from '../loyalty/types';

type Values = RuleFormValues & { validFrom?: Dayjs | null };

/**
 * Create a rule (POST) or change one (PUT: a new version, in force from `validFrom`). The
 * definition is built by rule-form.ts; the server checks it again and its problems land on the
 * fields they concern.
 */
export function RuleDrawer({
  open,
  rule,
  onClose,
  onSaved,
}: {
  open: boolean;
  rule: Rule | null;
  onClose: () => void;
  onSaved: (r: Rule) => void;
}) {
  const { t } = useI18n();
  const fmt = useFormat();
  const { message } = App.useApp();
  const phone = !Grid.useBreakpoint().md;
  const [form] = Form.useForm<Values>();
  const { saving, error, setError, run } = useFormSave(form);

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ ...ruleFormValues(rule), validFrom: null });
      setError(null);
    }
  }, [open, rule, form]);

  const submit = async (v: Values) => {
    // The picker shows wall-clock time; it means that time in the workspace's zone.
    const validFrom = v.validFrom
      ? fmt.wallTime(v.validFrom.format('YYYY-MM-DD'), v.validFrom.format('HH:mm'))
      : undefined;
    // Property filters are not edited here; they stay as the rule has them.
    const properties = rule?.definition.filters.properties;
    const body = {
      name: v.name.trim(),
      definition: ruleDefinition({ ...v, ...(properties ? { properties } : {}) }),
      ...(validFrom ? { validFrom } : {}),
    };
    await run(async () => {
      const saved = rule
        ? await call(api.PUT('/api/v1/loyalty/rules/{id}', { params: { path: { id: rule.id } }, body }))
        : await call(api.POST('/api/v1/loyalty/rules', { body }));
      message.success(
        rule
          ? t('rules.updated', { name: saved.name, version: String(saved.currentVersion) })
          : t('rules.created', { name: saved.name }),
      );
      onSaved(saved);
    }, ruleFieldName);
  };

  // A version may not start before the current one.
  const earliest = rule ? dayjs(rule.validFrom) : null;

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={phone ? '100%' : 760}
      destroyOnHidden
      title={rule ? t('rules.editTitle', { name: rule.name }) : t('rules.createTitle')}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {rule ? t('common.save') : t('rules.create')}
          </Button>
        </Flex>
      }
    >
      {rule ? <Alert type="info" showIcon title={t('rules.editHint')} style={{ marginBottom: 16 }} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        scrollToFirstError
        onValuesChange={(changed: Partial<Values>) => {
          // "By amount" is for purchases: another kind falls back to a fixed award.
          if (changed.kind && changed.kind !== 'purchase') {
            for (const k of ['points', 'growth'] as const)
              if (form.getFieldValue([k, 'mode']) === 'per_amount') form.setFieldValue([k, 'mode'], 'fixed');
          }
        }}
      >
        <RuleBasicsFields
          earliest={earliest}
          propertyCount={Object.keys(rule?.definition.filters.properties ?? {}).length}
        />
        <RuleAwardFields />
      </Form>
      {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
    </Drawer>
  );
}
