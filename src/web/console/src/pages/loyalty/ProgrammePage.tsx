import { useEffect, useRef, useState } from 'react';
import { Col, Flex, Row, Skeleton } from 'antd';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useRequest } from '../../hooks/useRequest';
import { Can } from '../../session/Can';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/ErrorState';
import { ProgrammeSettingsCard } from './ProgrammeSettingsCard';
import { TiersCard } from './TiersCard';
import { ThresholdPreview } from './ThresholdPreview';
import { EvaluateButton, EvaluationResult, LedgerHealth } from './ProgrammeActions';
import { useTiers } from './useTiers';
import type { Evaluation } from './types';

const NOTHING = Symbol('nothing awaited');

/**
 * 会员制度 · 制度与等级: the programme's settings, its tiers (lowest first) with their benefits and
 * obligations, a threshold preview computed by the server, the evaluation on demand and the
 * ledger's health.
 */
export default function ProgrammePage() {
  const { t } = useI18n();
  const programme = useRequest((signal) => call(api.GET('/api/v1/loyalty/programme', { signal })), []);
  const tiers = useTiers();
  const [version, setVersion] = useState(0);
  const [evaluation, setEvaluation] = useState<Evaluation | null>(null);
  // The preview starts afresh only once the new tier list has arrived: asked earlier, it would
  // still ask about a tier just deleted (and the server would answer 404).
  const awaiting = useRef<unknown>(NOTHING);
  const reloadTiers = () => {
    awaiting.current = tiers.data;
    tiers.reload();
  };
  useEffect(() => {
    if (awaiting.current !== NOTHING && tiers.data !== awaiting.current) {
      awaiting.current = NOTHING;
      setVersion((v) => v + 1);
    }
  }, [tiers.data]);

  const header = (
    <PageHeader
      title={t('programme.title')}
      subtitle={
        <Flex gap={12} wrap>
          <span>{t('programme.subtitle')}</span>
          <LedgerHealth />
        </Flex>
      }
      extra={
        <Can permission="loyalty:manage">
          <EvaluateButton
            onDone={(r) => {
              setEvaluation(r);
              reloadTiers();
            }}
          />
        </Can>
      }
    />
  );
  if (programme.error && !programme.data)
    return (
      <>
        {header}
        <ErrorState error={programme.error} onRetry={programme.reload} />
      </>
    );
  if (!programme.data)
    return (
      <>
        {header}
        <Skeleton active paragraph={{ rows: 10 }} />
      </>
    );

  return (
    <>
      {header}
      {evaluation ? <EvaluationResult result={evaluation} onClose={() => setEvaluation(null)} /> : null}
      <Flex vertical gap={16}>
        <TiersCard
          tiers={tiers.data ?? []}
          programme={programme.data}
          loading={tiers.loading}
          error={tiers.error}
          onReload={reloadTiers}
        />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <ThresholdPreview tiers={tiers.data ?? []} version={version} onApplied={reloadTiers} />
          </Col>
          <Col xs={24} xl={10}>
            <ProgrammeSettingsCard
              programme={programme.data}
              onSaved={(p) => {
                programme.setData(p);
                reloadTiers();
              }}
            />
          </Col>
        </Row>
      </Flex>
    </>
  );
}
