import { Button, Col, Divider, Flex, Form, InputNumber, Radio, Row, Switch, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/I18nProvider';

/** One award (points or growth): none, a fixed amount, or `amount` per `per` yuan (purchases). */
function AwardField({ name, label, purchase }: { name: 'points' | 'growth'; label: string; purchase: boolean }) {
  const { t } = useI18n();
  const mode = Form.useWatch([name, 'mode'], Form.useFormInstance());
  return (
    <Form.Item label={label} style={{ marginBottom: 12 }}>
      <Flex gap={8} wrap align="center">
        <Form.Item name={[name, 'mode']} noStyle>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'none', label: t('rules.mode.none') },
              { value: 'fixed', label: t('rules.mode.fixed') },
              {
                value: 'per_amount',
                label: t('rules.mode.per_amount'),
                disabled: !purchase,
                title: purchase ? undefined : t('rules.perAmountOnly'),
              },
            ]}
          />
        </Form.Item>
        {mode === 'per_amount' ? (
          <Form.Item name={[name, 'per']} noStyle rules={[{ required: true, message: t('loyalty.required') }]}>
            <InputNumber
              min={0.01}
              max={1_000_000}
              precision={2}
              prefix={t('rules.perYuan')}
              style={{ width: 200 }}
              aria-label={`${label} ${t('rules.perYuan')}`}
            />
          </Form.Item>
        ) : null}
        {mode === 'fixed' || mode === 'per_amount' ? (
          <Form.Item name={[name, 'amount']} noStyle rules={[{ required: true, message: t('loyalty.required') }]}>
            <InputNumber
              min={mode === 'per_amount' ? 1 : 0}
              max={1_000_000}
              precision={0}
              suffix={label}
              style={{ width: 160 }}
              aria-label={`${label} ${t('rules.amount')}`}
            />
          </Form.Item>
        ) : null}
      </Flex>
    </Form.Item>
  );
}

const Limit = ({ name, label }: { name: string; label: string }) => {
  const { t } = useI18n();
  return (
    <Col xs={12} sm={6}>
      <Form.Item name={name} label={label}>
        <InputNumber min={1} max={1_000_000} precision={0} placeholder={t('rules.noLimit')} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
};

/** What the rule gives, how often, its bonuses and (for messages) its anti-abuse checks. */
export function RuleAwardFields() {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const kind = Form.useWatch('kind', form);
  const firstTime = Form.useWatch('firstTime', form);
  const streak = Form.useWatch('streak', form);
  return (
    <>
      <Divider titlePlacement="start" plain>
        {t('rules.section.awards')}
      </Divider>
      <AwardField name="points" label={t('rules.pointsAward')} purchase={kind === 'purchase'} />
      <AwardField name="growth" label={t('rules.growthAward')} purchase={kind === 'purchase'} />
      <Form.Item
        name="tierMultiplier"
        valuePropName="checked"
        label={t('rules.tierMultiplier')}
        tooltip={t('rules.tierMultiplierHint')}
      >
        <Switch />
      </Form.Item>

      <Divider titlePlacement="start" plain>
        {t('rules.section.limits')}
      </Divider>
      <Row gutter={16}>
        <Limit name="perDay" label={t('rules.perDay')} />
        <Limit name="perWeek" label={t('rules.perWeek')} />
        <Limit name="lifetime" label={t('rules.lifetime')} />
        <Limit name="cooldownMinutes" label={t('rules.cooldown')} />
      </Row>

      <Divider titlePlacement="start" plain>
        {t('rules.section.bonuses')}
      </Divider>
      <Row gutter={16} align="bottom">
        <Col xs={24} sm={6}>
          <Form.Item name="firstTime" valuePropName="checked" label={t('rules.firstTime')}>
            <Switch />
          </Form.Item>
        </Col>
        {firstTime ? (
          <>
            <Col xs={12} sm={9}>
              <Form.Item name="firstTimePoints" label={t('rules.firstTimePoints')}>
                <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={9}>
              <Form.Item name="firstTimeGrowth" label={t('rules.firstTimeGrowth')}>
                <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </>
        ) : null}
      </Row>
      <Form.Item
        name="streak"
        valuePropName="checked"
        label={t('rules.streak')}
        extra={streak ? t('rules.streakHint') : null}
        style={{ marginBottom: streak ? 8 : undefined }}
      >
        <Switch />
      </Form.Item>
      {streak ? (
        <Form.List name="streakBonuses">
          {(fields, { add, remove }) => (
            <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
              {fields.map((f, i) => (
                <Flex key={f.key} gap={2} align="center">
                  <Form.Item name={f.name} noStyle>
                    <InputNumber
                      min={0}
                      max={1_000_000}
                      precision={0}
                      prefix={
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('rules.streakDay', { day: String(i + 1) })}
                        </Typography.Text>
                      }
                      style={{ width: 130 }}
                      aria-label={t('rules.streakDay', { day: String(i + 1) })}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    size="small"
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(f.name)}
                    aria-label={t('rules.remove')}
                  />
                </Flex>
              ))}
              {fields.length < 31 ? (
                <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add(0)}>
                  {t('rules.addStreakDay')}
                </Button>
              ) : null}
            </Flex>
          )}
        </Form.List>
      ) : null}

      {kind === 'message' ? (
        <>
          <Divider titlePlacement="start" plain>
            {t('rules.section.antiAbuse')}
          </Divider>
          <Row gutter={16}>
            <Col xs={12}>
              <Form.Item name="minTextLength" label={t('rules.minTextLength')}>
                <InputNumber
                  min={1}
                  max={1000}
                  precision={0}
                  placeholder={t('rules.noLimit')}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item
                name="duplicateWindowMinutes"
                label={t('rules.duplicateWindow')}
                tooltip={t('rules.duplicateWindowHint')}
              >
                <InputNumber
                  min={1}
                  max={10080}
                  precision={0}
                  placeholder={t('rules.noLimit')}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
          </Row>
        </>
      ) : null}
    </>
  );
}
