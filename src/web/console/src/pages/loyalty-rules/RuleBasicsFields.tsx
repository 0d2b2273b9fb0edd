import { Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../i18n/I18nProvider';
import { labelOf } from '../../i18n/labels';
import { useCommunities } from '../../hooks/useCommunities';
import { ACTIVITY_KINDS, RULE_CHANNELS } from '../loyalty/loyalty-vocab';

/** Name, kind, on/off, in force from; and where the rule applies (communities, channels, order amount). */
export function RuleBasicsFields({ earliest, propertyCount }: { earliest: Dayjs | null; propertyCount: number }) {
  const { t } = useI18n();
  const communities = useCommunities();
  const form = Form.useFormInstance();
  const kind = Form.useWatch('kind', form);
  return (
    <>
      <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
        {t('rules.section.basics')}
      </Divider>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="name"
            label={t('rules.name')}
            rules={[{ required: true, whitespace: true, message: t('loyalty.required') }]}
          >
            <Input maxLength={100} autoFocus />
          </Form.Item>
        </Col>
        <Col xs={16} sm={8}>
          <Form.Item name="kind" label={t('rules.kind')} rules={[{ required: true, message: t('loyalty.required') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={ACTIVITY_KINDS.filter((k) => k !== 'refund').map((k) => ({
                value: k,
                label: labelOf(t, 'kind', k),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={8} sm={4}>
          <Form.Item name="enabled" label={t('rules.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="validFrom" label={t('rules.validFrom')} extra={t('rules.validFromHint')}>
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
              disabledDate={(d) => !!earliest && d.endOf('day').isBefore(earliest)}
            />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        {t('rules.section.filters')}
      </Divider>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="communityIds" label={t('rules.communities')} extra={t('rules.communitiesHint')}>
            <Select
              mode="multiple"
              allowClear
              loading={communities.loading}
              showSearch={{ optionFilterProp: 'label' }}
              options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="channels" label={t('rules.channels')} extra={t('rules.channelsHint')}>
            <Select
              mode="multiple"
              allowClear
              options={RULE_CHANNELS.map((c) => ({ value: c, label: labelOf(t, 'channel', c) }))}
            />
          </Form.Item>
        </Col>
        {kind === 'purchase' ? (
          <Col xs={24} sm={12}>
            <Form.Item name="minAmount" label={t('rules.minAmount')}>
              <InputNumber
                min={0}
                max={100_000_000}
                precision={2}
                prefix="¥"
                placeholder={t('rules.noLimit')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
      {propertyCount ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -8 }}>
          {t('rules.properties', { count: propertyCount })}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}
