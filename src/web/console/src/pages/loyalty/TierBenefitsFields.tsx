import { Button, Col, Divider, Flex, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { labelOf } from '../../i18n/labels';
import { ACTIVITY_KINDS } from './loyalty-vocab';

/** A tier's benefits 权益 as typed fields, inside the tier dialog's form. */
export function TierBenefitsFields() {
  const { t } = useI18n();
  return (
    <>
      <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
        {t('tiers.benefits')}
      </Divider>
      <Row gutter={16}>
        <Col xs={12} sm={6}>
          <Form.Item name="multiplier" label={t('tiers.multiplier')} tooltip={t('tiers.multiplierHint')}>
            <InputNumber min={1} max={10} step={0.1} precision={2} prefix="×" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="discount" label={t('tiers.discount')}>
            <InputNumber min={0.1} max={99.9} step={1} precision={1} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="exclusiveEvents" label={t('tiers.exclusiveEvents')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="priorityService" label={t('tiers.priorityService')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('tiers.texts')} style={{ marginBottom: 8 }}>
        <Form.List name="texts">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="start">
                  <Form.Item name={[f.name, 'zh']} noStyle>
                    <Input placeholder={t('tiers.textZh')} aria-label={t('tiers.textZh')} maxLength={200} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'en']} noStyle>
                    <Input placeholder={t('tiers.textEn')} aria-label={t('tiers.textEn')} maxLength={200} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(f.name)}
                    aria-label={t('tiers.remove')}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ zh: '', en: '' })}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('tiers.addText')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
    </>
  );
}

/** A tier's obligations 义务: at least N activities (of some kinds) in each evaluation period. */
export function TierObligationsFields() {
  const { t } = useI18n();
  const kinds = ACTIVITY_KINDS.map((k) => ({ value: k, label: labelOf(t, 'kind', k) }));
  return (
    <>
      <Divider titlePlacement="start" plain>
        {t('tiers.obligations')}
      </Divider>
      <Form.List name="obligations">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((f) => (
              <Flex key={f.key} gap={8} align="start" wrap>
                <Form.Item
                  name={[f.name, 'count']}
                  noStyle
                  rules={[{ required: true, message: t('loyalty.required') }]}
                >
                  <InputNumber
                    min={1}
                    max={100_000}
                    precision={0}
                    prefix={t('tiers.obligationCount')}
                    suffix={t('tiers.obligationTimes')}
                    style={{ width: 220 }}
                    aria-label={t('tiers.obligationCount')}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'kinds']} noStyle>
                  <Select
                    mode="multiple"
                    allowClear
                    options={kinds}
                    placeholder={t('tiers.obligationKinds')}
                    aria-label={t('tiers.obligationKinds')}
                    style={{ flex: 1, minWidth: 200 }}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(f.name)}
                  aria-label={t('tiers.remove')}
                />
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ count: 1, kinds: [] })}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('tiers.addObligation')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </>
  );
}
